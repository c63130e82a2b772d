package org.psybiome.common.problem;

import java.net.URI;

/**
 * The problem types Psybiome services return. Each has a stable URI that clients may switch on; the
 * title is the same for every occurrence of the type (RFC 9457 §3.1.3).
 */
public enum ProblemType {
  VALIDATION("validation", "Request content is invalid", 400),
  MALFORMED_BODY("malformed-body", "Request body cannot be read", 400),
  UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
  FORBIDDEN("forbidden", "Not allowed for the caller's role", 403),
  NOT_FOUND("not-found", "Resource not found", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed on this resource", 405),
  NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
  CONFLICT("conflict", "Conflicts with the current state", 409),
  PRECONDITION_FAILED("precondition-failed", "Resource changed since it was read", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported content type", 415),
  UNPROCESSABLE("unprocessable", "Request cannot be processed", 422),
  PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  INTERNAL("internal", "Internal error", 500),
  /**
   * The gateway sent the request on but lost the connection (or gave up waiting) before the service
   * answered: it may have applied a write. Never chosen by {@link #forStatus}: a plain 502 says
   * nothing of the kind.
   */
  OUTCOME_UNKNOWN(
      "outcome-unknown",
      "The service received the request but its outcome is unknown; it may have been applied",
      502),
  SERVICE_UNAVAILABLE("service-unavailable", "Service temporarily unavailable", 503),
  GATEWAY_TIMEOUT("gateway-timeout", "A service did not answer in time", 504);

  private static final String BASE = "https://psybiome.org/problems/";

  private final URI uri;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.uri = URI.create(BASE + slug);
    this.title = title;
    this.status = status;
  }

  public URI uri() {
    return uri;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }

  /** The generic type for an HTTP status that has no more specific one. */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status && type != MALFORMED_BODY && type != OUTCOME_UNKNOWN) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : VALIDATION;
  }
}
