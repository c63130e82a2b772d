package org.psybiome.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The token bucket per caller, on a clock the test moves. Expected values from the configuration: a
 * bucket holds {@code burst} tokens and gains one every 1 s / {@code requests-per-second}.
 */
class RateLimiterTest {

  private static final class ManualClock implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    void advance(Duration by) {
      nanos += by.toNanos();
    }
  }

  private final ManualClock clock = new ManualClock();

  private RateLimiter limiter(int requestsPerSecond, int burst) {
    return new RateLimiter(requestsPerSecond, burst, Duration.ofMinutes(10), clock);
  }

  private static int allowedInARow(RateLimiter limiter, String caller) {
    int allowed = 0;
    while (limiter.acquire(caller).isEmpty()) {
      allowed++;
    }
    return allowed;
  }

  @Test
  void theDefaultsAllowABurstOf100ThenOneRequestEvery20Milliseconds() {
    RateLimiter limiter = limiter(50, 100);
    String caller = RateLimiter.forSubject("alice");

    assertThat(allowedInARow(limiter, caller)).isEqualTo(100);
    // empty: the next token comes after 1 s / 50 = 20 ms
    assertThat(limiter.acquire(caller)).isEqualTo(OptionalLong.of(20_000_000L));

    clock.advance(Duration.ofMillis(10));
    // half-way there: 10 ms left
    assertThat(limiter.acquire(caller)).isEqualTo(OptionalLong.of(10_000_000L));

    clock.advance(Duration.ofMillis(10));
    assertThat(allowedInARow(limiter, caller)).isEqualTo(1);

    // 1 s later: 50 tokens
    clock.advance(Duration.ofSeconds(1));
    assertThat(allowedInARow(limiter, caller)).isEqualTo(50);

    // quiet for 3 s: 150 tokens would come, but the bucket holds 100
    clock.advance(Duration.ofSeconds(3));
    assertThat(allowedInARow(limiter, caller)).isEqualTo(100);
  }

  @Test
  void aRefusalTellsHowLongToWaitInWholeSeconds() {
    // the settings of the gateway's RateLimitTest: 1 request/s, burst 3
    RateLimiter limiter = limiter(1, 3);
    String caller = RateLimiter.forAddress("192.0.2.7");

    assertThat(allowedInARow(limiter, caller)).isEqualTo(3);
    OptionalLong wait = limiter.acquire(caller);
    // 1 s / 1 = 1 s to the next token
    assertThat(wait).isEqualTo(OptionalLong.of(1_000_000_000L));
    assertThat(EdgeProblems.retryAfterSeconds(wait.getAsLong())).isEqualTo("1");

    clock.advance(Duration.ofMillis(400));
    // 0.6 s left, rounded up: Retry-After has no fractions
    assertThat(EdgeProblems.retryAfterSeconds(limiter.acquire(caller).getAsLong())).isEqualTo("1");

    clock.advance(Duration.ofMillis(600));
    assertThat(limiter.acquire(caller)).isEmpty();
  }

  @Test
  void eachCallerHasItsOwnBucket() {
    RateLimiter limiter = limiter(1, 3);
    allowedInARow(limiter, RateLimiter.forSubject("busy"));

    assertThat(allowedInARow(limiter, RateLimiter.forSubject("calm"))).isEqualTo(3);
    // an address is not a subject, even when the strings match
    assertThat(allowedInARow(limiter, RateLimiter.forAddress("busy"))).isEqualTo(3);
  }

  @Test
  void aRoleWithARateOfItsOwnGetsItAndSeveralRolesTheHighest() {
    RateLimiter limiter =
        new RateLimiter(
            new RateLimiter.Rate(50, 100),
            java.util.Map.of(
                "reader", new RateLimiter.Rate(200, 400),
                "statistician", new RateLimiter.Rate(100, 200)),
            Duration.ofMinutes(10),
            clock);
    assertThat(limiter.rateFor(java.util.Set.of("pipeline")))
        .isEqualTo(new RateLimiter.Rate(50, 100));
    assertThat(limiter.rateFor(java.util.Set.of("statistician", "reader")))
        .isEqualTo(new RateLimiter.Rate(200, 400));
    String dashboard = RateLimiter.forSubject("dashboard");
    RateLimiter.Rate reader = limiter.rateFor(java.util.Set.of("reader"));
    int allowed = 0;
    while (limiter.acquire(dashboard, reader).isEmpty()) {
      allowed++;
    }
    assertThat(allowed).isEqualTo(400);
    // empty: the next token after 1 s / 200 = 5 ms
    assertThat(limiter.acquire(dashboard, reader)).isEqualTo(OptionalLong.of(5_000_000L));
  }
}
