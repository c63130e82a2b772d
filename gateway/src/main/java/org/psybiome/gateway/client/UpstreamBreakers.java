package org.psybiome.gateway.client;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.model.Upstream;

/**
 * One circuit breaker per service (SmallRye Fault Tolerance), around every call the gateway makes
 * to it: proxied exchanges and the overview's and the feed's own requests alike. After {@code
 * failureThreshold} consecutive failures to reach a service its circuit opens: calls are refused at
 * once for the cool-down instead of each waiting on a dead connection. Then one trial call is let
 * through (half-open); its success closes the circuit, its failure opens it again.
 *
 * <p>A failure is a service that cannot be reached (refused, unresolvable, not connected in time).
 * A connection closed under an exchange is not one: the gateway closes connections itself when it
 * resets abandoned exchanges. Any answer, 5xx included, is a success, and so is a timeout: a slow
 * service is up, and refusing it would not make it faster. An exchange the gateway abandoned
 * because its client hung up ({@link ClientGone}) says nothing of the service and is not counted
 * either: clients closing their connections together (a load generator ending a run, a proxy in
 * front recycling its pool) must not shut a healthy service off for everyone. State is per replica.
 */
@ApplicationScoped
public class UpstreamBreakers {

  // not io.quarkus.logging.Log: the breakers are also built in plain unit tests
  private static final Logger LOG = Logger.getLogger(UpstreamBreakers.class);

  private static final TypeLiteral<CompletionStage<Object>> ASYNC = new TypeLiteral<>() {};

  private final Map<Upstream, Breaker> breakers = new EnumMap<>(Upstream.class);

  @Inject
  UpstreamBreakers(GatewayConfig config) {
    this(config.circuitBreaker().failureThreshold(), config.circuitBreaker().coolDown());
  }

  /**
   * @param failureThreshold consecutive failures that open a circuit
   * @param coolDown how long an open circuit refuses calls before letting a trial call through
   */
  public UpstreamBreakers(int failureThreshold, Duration coolDown) {
    for (Upstream upstream : Upstream.values()) {
      breakers.put(upstream, new Breaker(upstream, failureThreshold, coolDown));
    }
  }

  /**
   * Runs {@code call} through the circuit of {@code upstream}. While the circuit is open, {@code
   * call} is not made and the stage fails with {@link UpstreamUnavailable} ({@link
   * UpstreamUnavailable.Reason#CIRCUIT_OPEN}, with the time left of the cool-down); other failures
   * come through as {@code call} failed.
   */
  public <T> CompletionStage<T> call(Upstream upstream, Supplier<CompletionStage<T>> call) {
    return breakers.get(upstream).call(call);
  }

  /** True when {@code failure} says the service could not be reached: it counts towards opening. */
  static boolean unreachable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof RequestNotSent notSent && notSent.getCause() != null) {
      // Judged on why no connection was had: only a connection the service refused, or one that
      // could not be made in time, says it is down. A pool timeout says it is busy; a pooled
      // connection closed as it was handed out ("Connection was closed": at 128 clients, as others
      // hung up and their exchanges were reset) says nothing of it, and opened the circuit to a
      // healthy trial-service in the benchmark.
      Throwable why = unwrap(notSent.getCause());
      return why instanceof java.net.ConnectException
          || why instanceof java.net.UnknownHostException
          || why instanceof java.net.NoRouteToHostException;
    }
    if (cause instanceof UpstreamUnavailable unavailable) {
      return unavailable.reason() == UpstreamUnavailable.Reason.UNREACHABLE;
    }
    // A connection closed under an exchange is not counted either: the gateway's own resets of
    // abandoned exchanges close pooled connections too, and a late one can close a connection
    // already handed to another exchange (the benchmark at 128 clients, as one run's clients hung
    // up). A service that is down refuses the next connection, and that counts.
    return !(cause instanceof TimeoutException)
        && !(cause instanceof ClientGone)
        && !(cause instanceof io.vertx.core.http.HttpClosedException);
  }

  /** The failure itself, without the wrapper a {@link CompletionStage} may add. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static final class Breaker {

    private final Upstream upstream;
    private final long coolDownNanos;
    private final Guard guard;

    /** When the circuit last opened ({@link System#nanoTime()}), for Retry-After. */
    private volatile long openedAt;

    Breaker(Upstream upstream, int failureThreshold, Duration coolDown) {
      this.upstream = upstream;
      this.coolDownNanos = coolDown.toNanos();
      // A rolling window of the last N calls that opens when all N failed: N consecutive failures.
      this.guard =
          Guard.create()
              .withDescription("circuit to " + upstream.serviceName())
              .withCircuitBreaker()
              .requestVolumeThreshold(failureThreshold)
              .failureRatio(1.0)
              .delay(coolDown.toMillis(), ChronoUnit.MILLIS)
              .successThreshold(1)
              .when(UpstreamBreakers::unreachable)
              .onStateChange(this::changed)
              .done()
              // the call starts on the caller's thread: the proxy's on its event loop
              .withThreadOffload(false)
              .build();
    }

    @SuppressWarnings("unchecked")
    <T> CompletionStage<T> call(Supplier<CompletionStage<T>> call) {
      CompletionStage<Object> guarded =
          guard.get(() -> (CompletionStage<Object>) call.get(), ASYNC);
      return guarded
          .handle(
              (result, failure) -> {
                if (failure == null) {
                  return CompletableFuture.completedFuture((T) result);
                }
                Throwable cause = unwrap(failure);
                if (cause instanceof CircuitBreakerOpenException) {
                  cause =
                      new UpstreamUnavailable(
                          upstream, UpstreamUnavailable.Reason.CIRCUIT_OPEN, coolDownLeft());
                }
                return CompletableFuture.<T>failedFuture(cause);
              })
          .thenCompose(stage -> stage);
    }

    private long coolDownLeft() {
      return Math.max(0, openedAt + coolDownNanos - System.nanoTime());
    }

    private void changed(CircuitBreakerState state) {
      switch (state) {
        case OPEN -> {
          openedAt = System.nanoTime();
          LOG.warnf("Circuit to %s opened", upstream.serviceName());
        }
        case CLOSED -> LOG.infof("Circuit to %s closed: it answers again", upstream.serviceName());
        case HALF_OPEN ->
            LOG.debugf("Circuit to %s half-open: one trial call", upstream.serviceName());
      }
    }
  }
}
