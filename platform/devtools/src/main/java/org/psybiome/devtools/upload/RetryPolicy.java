package org.psybiome.devtools.upload;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a request is sent again, and after how long. Every request of an upload may be repeated
 * safely: a check stores nothing, and a batch goes with its Idempotency-Key, which the service
 * answers with the stored batch if the first attempt was stored after all.
 *
 * <ul>
 *   <li>429 and 503, and 409 with Retry-After (the key's first request is still in flight): after
 *       Retry-After (seconds or an HTTP date), at most {@code maxDelay}; without one, as below;
 *   <li>502 (the gateway lost the service's answer: {@code outcome-unknown}), 504, a timeout or a
 *       connection that failed: after {@code firstDelay}, doubled each time, at most {@code
 *       maxDelay};
 *   <li>anything else is an answer, never repeated;
 *   <li>at most {@code maxAttempts} attempts in all.
 * </ul>
 */
public record RetryPolicy(int maxAttempts, Duration firstDelay, Duration maxDelay) {

  public static final RetryPolicy DEFAULT =
      new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  /**
   * The wait before attempt {@code attempt + 1} after attempt {@code attempt} (1-based) was
   * answered with {@code status} and {@code retryAfter} (the header, or null); empty: do not retry.
   */
  public Optional<Duration> afterStatus(int attempt, int status, String retryAfter, Instant now) {
    if (attempt >= maxAttempts) {
      return Optional.empty();
    }
    boolean told = status == 429 || status == 503 || (status == 409 && retryAfter != null);
    if (told) {
      return Optional.of(retryAfter(retryAfter, now).map(this::capped).orElse(backoff(attempt)));
    }
    if (status == 502 || status == 504) {
      return Optional.of(backoff(attempt));
    }
    return Optional.empty();
  }

  /** The wait after attempt {@code attempt} got no answer (timeout, connection failure). */
  public Optional<Duration> afterNoAnswer(int attempt) {
    return attempt >= maxAttempts ? Optional.empty() : Optional.of(backoff(attempt));
  }

  /** {@code firstDelay} × 2^(attempt − 1), at most {@code maxDelay}. */
  Duration backoff(int attempt) {
    Duration delay = firstDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return capped(delay);
  }

  private Duration capped(Duration delay) {
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3); empty when neither. */
  static Optional<Duration> retryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String text = value.trim();
    try {
      long seconds = Long.parseLong(text);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      // not seconds: a date?
    }
    try {
      Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(now, at);
      return Optional.of(until.isNegative() ? Duration.ZERO : until);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
