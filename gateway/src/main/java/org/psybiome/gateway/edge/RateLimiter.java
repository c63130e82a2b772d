package org.psybiome.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * A token bucket per caller: the token's subject, or the client address for anonymous calls. A
 * caller holding a role with a rate of its own (a dashboard's reader) gets that rate, the highest
 * of its roles'; everyone else the default. The buckets live in this replica's memory, so N
 * replicas allow up to N times the configured rate in total; a caller's bucket unused for a while
 * is dropped.
 */
@ApplicationScoped
public class RateLimiter {

  /** Bounds memory when many addresses call once; an evicted caller starts with a full bucket. */
  private static final long MAX_CALLERS = 100_000;

  /** A bucket's size and refill. */
  public record Rate(int requestsPerSecond, int burst) {}

  private final Rate defaultRate;
  private final Map<String, Rate> roleRates;
  private final TimeMeter clock;
  private final Cache<String, Bucket> buckets;

  @Inject
  RateLimiter(GatewayConfig config) {
    this(
        new Rate(config.rateLimit().requestsPerSecond(), config.rateLimit().burst()),
        roleRates(config.rateLimit().roles()),
        config.rateLimit().idleEviction(),
        TimeMeter.SYSTEM_NANOTIME);
  }

  private static Map<String, Rate> roleRates(Map<String, GatewayConfig.RoleRate> configured) {
    Map<String, Rate> rates = new HashMap<>();
    configured.forEach((role, r) -> rates.put(role, new Rate(r.requestsPerSecond(), r.burst())));
    return rates;
  }

  RateLimiter(int requestsPerSecond, int burst, Duration idleEviction, TimeMeter clock) {
    this(new Rate(requestsPerSecond, burst), Map.of(), idleEviction, clock);
  }

  /**
   * @param clock the time both the buckets and their eviction go by (a test's own clock)
   */
  RateLimiter(
      Rate defaultRate, Map<String, Rate> roleRates, Duration idleEviction, TimeMeter clock) {
    this.defaultRate = defaultRate;
    this.roleRates = Map.copyOf(roleRates);
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

  /**
   * The rate of a caller holding {@code roles}: the highest of its roles' own, else the default.
   */
  public Rate rateFor(Set<String> roles) {
    return roles.stream()
        .map(roleRates::get)
        .filter(Objects::nonNull)
        .max(Comparator.comparingInt(Rate::requestsPerSecond))
        .orElse(defaultRate);
  }

  /** {@link #acquire(String, Rate)} at the default rate (anonymous callers). */
  public OptionalLong acquire(String caller) {
    return acquire(caller, defaultRate);
  }

  /** Empty when the caller may go ahead; else nanoseconds until its next request is allowed. */
  public OptionalLong acquire(String caller, Rate rate) {
    // a caller whose rate changes (another token's roles) gets a bucket of the new rate
    ConsumptionProbe probe =
        buckets
            .get(caller + "|" + rate.requestsPerSecond() + "/" + rate.burst(), k -> newBucket(rate))
            .tryConsumeAndReturnRemaining(1);
    return probe.isConsumed()
        ? OptionalLong.empty()
        : OptionalLong.of(probe.getNanosToWaitForRefill());
  }

  private Bucket newBucket(Rate rate) {
    return Bucket.builder()
        .withCustomTimePrecision(clock)
        .addLimit(
            bandwidth ->
                bandwidth
                    .capacity(rate.burst())
                    .refillGreedy(rate.requestsPerSecond(), Duration.ofSeconds(1)))
        .build();
  }
}
