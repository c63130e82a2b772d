package org.psybiome.persistence.idempotency;

import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/** The Idempotency-Key header and what a valid one is. */
public final class IdempotencyKeyHeader {

  public static final String NAME = "Idempotency-Key";

  /** Set on a response that is the stored answer to an earlier request with the same key. */
  public static final String REPLAYED = "Idempotent-Replayed";

  public static final int MAX_LENGTH = 255;

  /** For the OpenAPI parameter of every operation that takes one. */
  public static final String DESCRIPTION =
      "Optional; makes a retry safe (added in 1.1). 1 to 255 visible ASCII characters, e.g. a"
          + " UUID, scoped to the caller (consortium and token subject) and this operation, kept 24 hours. The same"
          + " key and request again: the first 2xx answer replayed, with Idempotent-Replayed: true,"
          + " and nothing stored twice; the same key with another request: 422; while the first"
          + " is in flight: 409 with Retry-After. A refused request (4xx) stores nothing and frees"
          + " the key.";

  private IdempotencyKeyHeader() {}

  /** 1 to 255 visible ASCII characters (a UUID fits), else a 400 problem. */
  public static String check(String key) {
    boolean valid = !key.isEmpty() && key.length() <= MAX_LENGTH;
    for (int i = 0; valid && i < key.length(); i++) {
      char c = key.charAt(i);
      valid = c >= 0x21 && c <= 0x7e;
    }
    if (!valid) {
      throw ProblemException.invalid(
          "The Idempotency-Key header is invalid",
          List.of(
              Violation.of(
                  NAME, "must be 1 to " + MAX_LENGTH + " visible ASCII characters, e.g. a UUID")));
    }
    return key;
  }
}
