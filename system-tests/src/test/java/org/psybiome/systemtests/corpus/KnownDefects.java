package org.psybiome.systemtests.corpus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Defects the corpus found in the services, reported to the lead and not yet fixed. Requests that
 * would hit one are withheld (counted and printed, not sent): sent, they would change the databases
 * and hide every other finding. Remove an entry once its defect is fixed, and its requests run.
 */
final class KnownDefects {

  record Defect(String id, String description, Predicate<BadRequest> hits) {}

  /**
   * Empty since the five the corpus found were fixed (NUL in URIs and JSON strings, lone
   * surrogates, invalid UTF-8, content after a JSON document, a lenient boolean query parameter),
   * and the three it found once it expected an exact status (an unknown query parameter of the
   * event feed ignored, an unknown interventionType of the trial search answered 200, an unknown
   * specimen of the crossover analysis answered 409 on a parallel trial). The validate endpoint's
   * two answers that differed from the 400 the corpus expected were the POST's answers too: an
   * empty Idempotency-Key was taken for none by both (fixed: 400), and an NDJSON body whose lines
   * are not JSON has row errors (422) by both, as the API documents (the corpus expected 400).
   */
  static final List<Defect> ALL = List.of();

  private KnownDefects() {}

  static Optional<Defect> hitBy(BadRequest request) {
    return ALL.stream().filter(defect -> defect.hits().test(request)).findFirst();
  }

  private static boolean containsOverlongNul(byte[] body) {
    if (body == null) {
      return false;
    }
    for (int i = 0; i + 1 < body.length; i++) {
      if (body[i] == (byte) 0xC0 && body[i + 1] == (byte) 0x80) {
        return true;
      }
    }
    return false;
  }

  private static String body(BadRequest request) {
    return request.body() == null ? "" : new String(request.body(), StandardCharsets.UTF_8);
  }
}
