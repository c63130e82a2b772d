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

  static final List<Defect> ALL =
      List.of(
          new Defect(
              "nul-reaches-sql",
              "U+0000 in a path segment or JSON string reaches a PostgreSQL query: 500"
                  + " (e.g. GET /api/v1/trials/%00, GET /api/v1/analytes/%00,"
                  + " PUT /api/v1/analytes/IL6 with name \"\\u0000\"; also the overlong"
                  + " UTF-8 NUL C0 80, decoded to U+0000, in PUT /api/v1/panels/{code} analytes)",
              request ->
                  request.path().contains("%00")
                      || body(request).contains("\\u0000")
                      || containsOverlongNul(request.body())),
          new Defect(
              "lone-surrogates-stored",
              "lone UTF-16 surrogates in JSON string escapes of free text are stored (201/200,"
                  + " e.g. POST /api/v1/panels name \"\\ud800\"; a result's sampleId) or 500"
                  + " (POST /api/v1/trials scientificTitle)",
              request -> request.kind().startsWith("escape:text:")),
          new Defect(
              "invalid-utf8-decoded",
              "invalid UTF-8 in free text is accepted: the overlong C0 AF is decoded as '/' and"
                  + " stored (PUT /api/v1/panels/INFLAMMATION name), other invalid bytes are stored"
                  + " as U+FFFD (a result's sampleId) or give 500 (status reason)",
              request -> request.kind().startsWith("invalid-utf8:text:")),
          new Defect(
              "trailing-json-accepted",
              "content after a complete JSON document is ignored, so a malformed body acts"
                  + " (POST /api/v1/trials/{id}/status '{...}..\\\\windows' changed the status:"
                  + " Jackson FAIL_ON_TRAILING_TOKENS is off)",
              request -> request.kind().equals("malformed:trailing")),
          new Defect(
              "boolean-query-lenient",
              "GET /api/v1/trials/{id}/summaries/{analyte}?change=<not a boolean> is read as"
                  + " false (200), not refused",
              request -> request.kind().equals("hostile-query:change")));

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
