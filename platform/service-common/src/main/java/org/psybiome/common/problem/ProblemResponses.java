package org.psybiome.common.problem;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Builds problem responses; shared by the JAX-RS mapper and the HTTP-layer error routes. */
public final class ProblemResponses {

  private ProblemResponses() {}

  public static Problem problem(
      ProblemType type, String detail, String path, List<Violation> violations) {
    return new Problem(type.uri(), type.title(), type.status(), detail, toUri(path), violations);
  }

  public static Response response(
      ProblemType type,
      String detail,
      String path,
      List<Violation> violations,
      Map<String, String> headers) {
    Response.ResponseBuilder builder =
        Response.status(type.status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem(type, detail, path, violations));
    headers.forEach(builder::header);
    return builder.build();
  }

  private static URI toUri(String path) {
    if (path == null || path.isEmpty()) {
      return null;
    }
    try {
      return URI.create(path);
    } catch (IllegalArgumentException e) {
      // A path we cannot even quote back is not worth failing the error response for.
      return null;
    }
  }
}
