package org.psybiome.devtools.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a request is repeated: worked by hand from RetryPolicy's rules (1 s doubling, cap 60 s). */
class RetryPolicyTest {

  private static final RetryPolicy POLICY = RetryPolicy.DEFAULT; // 8 attempts, 1 s, at most 60 s
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static Optional<Duration> s(long seconds) {
    return Optional.of(Duration.ofSeconds(seconds));
  }

  @Test
  void retryAfterIsHonouredAndCapped() {
    assertEquals(s(5), POLICY.afterStatus(1, 429, "5", NOW));
    assertEquals(s(5), POLICY.afterStatus(1, 503, " 5 ", NOW));
    assertEquals(s(60), POLICY.afterStatus(1, 503, "3600", NOW));
    // an HTTP date 30 s ahead (RFC 9110 §5.6.7 IMF-fixdate)
    assertEquals(s(30), POLICY.afterStatus(1, 429, "Mon, 30 Nov 2026 12:00:30 GMT", NOW));
    assertEquals(s(0), POLICY.afterStatus(1, 429, "Mon, 30 Nov 2026 11:00:00 GMT", NOW));
    // no (usable) Retry-After: the backoff
    assertEquals(s(1), POLICY.afterStatus(1, 503, null, NOW));
    assertEquals(s(2), POLICY.afterStatus(2, 429, "soon", NOW));
  }

  @Test
  void aKeyInFlightIsAskedAgainOnlyWhenTheServiceSaysWhen() {
    assertEquals(s(1), POLICY.afterStatus(1, 409, "1", NOW));
    // a withdrawn trial is a 409 without Retry-After: an answer
    assertEquals(Optional.empty(), POLICY.afterStatus(1, 409, null, NOW));
  }

  @Test
  void anUnknownOutcomeATimeoutOrNoAnswerBacksOffDoublingToTheCap() {
    // 1, 2, 4, 8, 16, 32, then 60 (64 capped); the 8th attempt is the last
    long[] expected = {1, 2, 4, 8, 16, 32, 60};
    for (int attempt = 1; attempt <= 7; attempt++) {
      assertEquals(s(expected[attempt - 1]), POLICY.afterStatus(attempt, 502, null, NOW));
      assertEquals(s(expected[attempt - 1]), POLICY.afterStatus(attempt, 504, null, NOW));
      assertEquals(s(expected[attempt - 1]), POLICY.afterNoAnswer(attempt));
    }
    assertEquals(Optional.empty(), POLICY.afterStatus(8, 502, null, NOW));
    assertEquals(Optional.empty(), POLICY.afterStatus(8, 503, "1", NOW));
    assertEquals(Optional.empty(), POLICY.afterNoAnswer(8));
  }

  @Test
  void answersAreNotRepeated() {
    for (int status : new int[] {200, 201, 400, 401, 403, 404, 413, 422, 500}) {
      assertEquals(Optional.empty(), POLICY.afterStatus(1, status, "1", NOW), "" + status);
    }
  }
}
