package org.psybiome.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.psybiome.gateway.model.Upstream;

/**
 * The circuit breaker per service as the gateway configures it (SmallRye Fault Tolerance, here
 * without CDI): 5 consecutive failures to reach a service open its circuit (the default {@code
 * failure-threshold}); after the cool-down one trial call decides. The cool-down is 300 ms here,
 * not the default 10 s, so the test is quick.
 */
class UpstreamBreakersTest {

  private static final int THRESHOLD = 5;
  private static final Duration COOL_DOWN = Duration.ofMillis(300);

  private final UpstreamBreakers breakers = new UpstreamBreakers(THRESHOLD, COOL_DOWN);
  private final AtomicInteger made = new AtomicInteger();

  /** The outcome of one call through the trial-service circuit: null on success. */
  private Throwable call(Upstream upstream, CompletionStage<String> outcome) {
    try {
      breakers
          .call(
              upstream,
              () -> {
                made.incrementAndGet();
                return outcome;
              })
          .toCompletableFuture()
          .join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }

  private Throwable call(CompletionStage<String> outcome) {
    return call(Upstream.TRIAL_SERVICE, outcome);
  }

  private static CompletionStage<String> refused() {
    return CompletableFuture.failedFuture(new ConnectException("Connection refused"));
  }

  private static CompletionStage<String> answered() {
    return CompletableFuture.completedFuture("200");
  }

  private static boolean circuitOpen(Throwable failure) {
    return failure instanceof UpstreamUnavailable unavailable
        && unavailable.reason() == UpstreamUnavailable.Reason.CIRCUIT_OPEN;
  }

  /**
   * Opens the trial-service circuit; returns a time ({@link System#nanoTime()}) no later than the
   * moment it opened: taken before the failure that opens it.
   */
  private long open() {
    long beforeLast = 0;
    for (int i = 0; i < THRESHOLD; i++) {
      beforeLast = System.nanoTime();
      assertThat(call(refused())).isInstanceOf(ConnectException.class);
    }
    return beforeLast;
  }

  /**
   * Offers {@code outcome} as the next trial-service call until the open circuit lets one through
   * (a refused offer is not made), checks that this happened only after the cool-down, and returns
   * the stage of the call let through, still running if {@code outcome} is.
   */
  private CompletionStage<String> firstCallLetThrough(
      long openedAt, CompletionStage<String> outcome) {
    AtomicReference<CompletionStage<String>> letThrough = new AtomicReference<>();
    int before = made.get();
    await()
        .atMost(COOL_DOWN.multipliedBy(20))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () -> {
              CompletionStage<String> stage =
                  breakers.call(
                      Upstream.TRIAL_SERVICE,
                      () -> {
                        made.incrementAndGet();
                        return outcome;
                      });
              Throwable refusal =
                  stage
                      .toCompletableFuture()
                      .handle((r, e) -> UpstreamBreakers.unwrap(e))
                      .getNow(null);
              if (circuitOpen(refusal)) {
                return false;
              }
              letThrough.set(stage);
              return true;
            });
    assertThat(Duration.ofNanos(System.nanoTime() - openedAt)).isGreaterThanOrEqualTo(COOL_DOWN);
    assertThat(made).as("only the call let through was made").hasValue(before + 1);
    return letThrough.get();
  }

  @Test
  void fiveConsecutiveFailuresOpenTheCircuitAndTheSixthCallIsNotMade() {
    for (int i = 1; i <= 4; i++) {
      assertThat(call(refused())).as("failure %d", i).isInstanceOf(ConnectException.class);
    }
    // the fifth failure opens it
    assertThat(call(refused())).isInstanceOf(ConnectException.class);
    assertThat(made).hasValue(5);

    Throwable sixth = call(answered());
    assertThat(circuitOpen(sixth)).as("refused: %s", sixth).isTrue();
    assertThat(made).as("an open circuit does not call the service").hasValue(5);
    // Retry-After: what is left of the 300 ms cool-down
    assertThat(((UpstreamUnavailable) sixth).retryAfterNanos())
        .isPositive()
        .isLessThanOrEqualTo(COOL_DOWN.toNanos());
  }

  @Test
  void aSuccessInBetweenStartsTheCountAgain() {
    for (int i = 0; i < 4; i++) {
      call(refused());
    }
    assertThat(call(answered())).isNull();
    for (int i = 0; i < 4; i++) {
      call(refused());
    }
    // the last 5 calls are 1 success and 4 failures: not all failed, still closed
    assertThat(call(refused())).isInstanceOf(ConnectException.class);
    assertThat(made).hasValue(10);
    // now the last 5 all failed: open
    assertThat(circuitOpen(call(answered()))).isTrue();
    assertThat(made).hasValue(10);
  }

  @Test
  void timeoutsDoNotCountAsFailures() {
    for (int i = 0; i < 2 * THRESHOLD; i++) {
      assertThat(call(CompletableFuture.failedFuture(new TimeoutException())))
          .isInstanceOf(TimeoutException.class);
      assertThat(
              call(
                  CompletableFuture.failedFuture(
                      new UpstreamUnavailable(
                          Upstream.TRIAL_SERVICE, UpstreamUnavailable.Reason.TIMEOUT, 0))))
          .isInstanceOf(UpstreamUnavailable.class);
    }
    assertThat(call(answered())).isNull();
    assertThat(made).hasValue(4 * THRESHOLD + 1);
  }

  @Test
  void afterTheCoolDownOneTrialCallIsMadeAndItsSuccessClosesTheCircuit() {
    long openedAt = open();
    // half-open once the cool-down is over: the trial call is made; while it is under way, no
    // other is
    CompletableFuture<String> trial = new CompletableFuture<>();
    CompletionStage<String> trialOutcome = firstCallLetThrough(openedAt, trial);
    assertThat(made).hasValue(THRESHOLD + 1);
    assertThat(circuitOpen(call(answered()))).isTrue();
    assertThat(made).hasValue(THRESHOLD + 1);

    trial.complete("200");
    assertThat(trialOutcome.toCompletableFuture().join()).isEqualTo("200");
    // closed again: calls are made
    assertThat(call(answered())).isNull();
    assertThat(call(answered())).isNull();
    assertThat(made).hasValue(THRESHOLD + 3);
  }

  @Test
  void aFailedTrialCallOpensTheCircuitAgain() {
    long openedAt = open();

    assertThat(firstCallLetThrough(openedAt, refused()).toCompletableFuture())
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingRootCause()
        .isInstanceOf(ConnectException.class);
    assertThat(made).hasValue(THRESHOLD + 1);
    assertThat(circuitOpen(call(answered()))).isTrue();
    assertThat(made).hasValue(THRESHOLD + 1);
  }

  @Test
  void eachServiceHasItsOwnCircuit() {
    open();
    assertThat(circuitOpen(call(answered()))).isTrue();
    assertThat(call(Upstream.BIOMARKER_SERVICE, answered())).isNull();
  }

  @Test
  void noConnectionCountsAsItsCauseDoes() {
    // refused: the service is down, counts; a pool timeout: it is busy, does not
    assertThat(
            UpstreamBreakers.unreachable(
                new RequestNotSent(new ConnectException("Connection refused"))))
        .isTrue();
    assertThat(UpstreamBreakers.unreachable(new RequestNotSent(new TimeoutException("pool"))))
        .isFalse();
    // a connect timeout (Netty's is a ConnectException) counts
    assertThat(
            UpstreamBreakers.unreachable(
                new RequestNotSent(
                    new io.netty.channel.ConnectTimeoutException("connection timed out"))))
        .isTrue();
    // a connection closed under an exchange, sent or not: nothing known of the service
    assertThat(UpstreamBreakers.unreachable(new io.vertx.core.http.HttpClosedException("closed")))
        .isFalse();
    // a pooled connection closed as it was handed out: nothing known of the service
    assertThat(
            UpstreamBreakers.unreachable(
                new RequestNotSent(new io.vertx.core.http.HttpClosedException("closed"))))
        .isFalse();
  }
}
