package org.psybiome.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.OptionalLong;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * A token bucket per caller: the token's subject, or the client address for anonymous calls. The
 * buckets live in this replica's memory, so N replicas allow up to N times the configured rate in
 * total; a caller's bucket unused for a while is dropped.
 */
@ApplicationScoped
public class RateLimiter {

  /** Bounds memory when many addresses call once; an evicted caller starts with a full bucket. */
  private static final long MAX_CALLERS = 100_000;

  private final int requestsPerSecond;
  private final int burst;
  private final TimeMeter clock;
  private final Cache<String, Bucket> buckets;

  @Inject
  RateLimiter(GatewayConfig config) {
    this(
        config.rateLimit().requestsPerSecond(),
        config.rateLimit().burst(),
        config.rateLimit().idleEviction(),
        TimeMeter.SYSTEM_NANOTIME);
  }

  /**
   * @param clock the time both the buckets and their eviction go by (a test's own clock)
   */
  RateLimiter(int requestsPerSecond, int burst, Duration idleEviction, TimeMeter clock) {
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.clock = clock;
    this.buckets =
        Caffeine.newBuilder()
            .expireAfterAccess(idleEviction)
            .ticker(clock::currentTimeNanos)
            .maximumSize(MAX_CALLERS)
            .build();
  }

  public static String forSubject(String subject) {
    return "sub:" + subject;
  }

  public static String forAddress(String address) {
    return "ip:" + address;
  }

  /** Empty when the caller may go ahead; else nanoseconds until its next request is allowed. */
  public OptionalLong acquire(String caller) {
    ConsumptionProbe probe =
        buckets.get(caller, key -> newBucket()).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? OptionalLong.empty()
        : OptionalLong.of(probe.getNanosToWaitForRefill());
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .withCustomTimePrecision(clock)
        .addLimit(
            bandwidth ->
                bandwidth.capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)))
        .build();
  }
}
