package org.psybiome.common.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by services when a request breaks a rule. The single problem mapper turns it into an RFC
 * 9457 response; nothing else needs to know about HTTP.
 */
public class ProblemException extends RuntimeException {

  private final ProblemType type;
  private final List<Violation> violations;
  private final Map<String, String> headers;

  public ProblemException(ProblemType type, String detail) {
    this(type, detail, List.of(), Map.of());
  }

  public ProblemException(ProblemType type, String detail, List<Violation> violations) {
    this(type, detail, violations, Map.of());
  }

  public ProblemException(
      ProblemType type, String detail, List<Violation> violations, Map<String, String> headers) {
    super(detail, null, false, false);
    this.type = type;
    this.violations = List.copyOf(violations);
    this.headers = Map.copyOf(headers);
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(ProblemType.NOT_FOUND, detail);
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(ProblemType.CONFLICT, detail);
  }

  public static ProblemException invalid(String detail, List<Violation> violations) {
    return new ProblemException(ProblemType.VALIDATION, detail, violations);
  }

  public ProblemType type() {
    return type;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** Extra response headers, such as {@code Retry-After}. */
  public Map<String, String> headers() {
    return headers;
  }
}
