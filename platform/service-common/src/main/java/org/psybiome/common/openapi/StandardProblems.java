package org.psybiome.common.openapi;

import java.util.ArrayList;
import java.util.List;

/**
 * Which problem responses an operation can give whatever its resource does, decided from its shape
 * alone. Each follows from a shared layer: bean validation, the strict JSON reader and the check of
 * the path and query for NUL (400), the token check (401, 403), lookups by path id (404), content
 * negotiation (406), the {@code If-Match} check (412, 428), the body limits and readers (413, 415),
 * the problem mapper's last resort (500) and a database that cannot be reached (503); the
 * Idempotency-Key check (409 in flight, 422 used with another request).
 */
final class StandardProblems {

  /** What the rules look at. */
  record Shape(
      boolean hasPathParameters,
      boolean hasParameters,
      boolean hasBody,
      boolean readsIfMatch,
      boolean requiresToken,
      boolean answersWithContent,
      boolean takesIdempotencyKey) {}

  /** A status the operation can answer, and when. */
  record Status(int code, String why) {}

  static final String IDEMPOTENCY_IN_FLIGHT =
      "A request with the same Idempotency-Key is still in flight; retry after Retry-After";
  static final String IDEMPOTENCY_REUSED =
      "The Idempotency-Key was used with another request (path, If-Match or body)";

  private StandardProblems() {}

  static List<Status> of(Shape shape) {
    List<Status> statuses = new ArrayList<>();
    statuses.add(
        new Status(
            400,
            shape.hasParameters() || shape.hasBody()
                ? "The request is invalid: a parameter or the body breaks a rule; each is listed in"
                    + " violations"
                : "The request is malformed (for example NUL in its path or query)"));
    statuses.add(
        new Status(
            401,
            shape.requiresToken()
                ? "No bearer token, or one that is invalid or expired"
                : "A bearer token was sent but is invalid or expired (send none to read as the"
                    + " public)"));
    if (shape.requiresToken()) {
      statuses.add(new Status(403, "The caller's role or consortium may not do this"));
    }
    if (shape.hasPathParameters()) {
      statuses.add(new Status(404, "No such resource, or none the caller may see"));
    }
    if (shape.answersWithContent()) {
      statuses.add(new Status(406, "Accept names no media type this operation answers with"));
    }
    if (shape.takesIdempotencyKey()) {
      statuses.add(new Status(409, IDEMPOTENCY_IN_FLIGHT));
    }
    if (shape.readsIfMatch()) {
      statuses.add(new Status(412, "If-Match names a version that is no longer the current one"));
    }
    if (shape.hasBody()) {
      statuses.add(new Status(413, "The body is larger than the service accepts"));
      statuses.add(new Status(415, "Content-Type is not one this operation reads"));
    }
    if (shape.takesIdempotencyKey()) {
      statuses.add(new Status(422, IDEMPOTENCY_REUSED));
    }
    if (shape.readsIfMatch()) {
      statuses.add(new Status(428, "If-Match is missing: read the resource and send its ETag"));
    }
    statuses.add(new Status(500, "An unexpected error; the problem names no internals"));
    statuses.add(
        new Status(503, "The service cannot reach its database just now; retry after Retry-After"));
    return statuses;
  }
}
