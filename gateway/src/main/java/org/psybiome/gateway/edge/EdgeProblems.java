package org.psybiome.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;

/**
 * The gateway's own refusals (401, 413, 429, 503) as problem details, so a client sees the same
 * error format whether the gateway or a service said no.
 */
@ApplicationScoped
public class EdgeProblems {

  private final ObjectMapper json;

  EdgeProblems(ObjectMapper json) {
    this.json = json;
  }

  /** Ends the exchange with a problem of {@code type} and its status. */
  public void refuse(
      RoutingContext ctx, ProblemType type, String detail, Map<String, String> headers) {
    var response = ctx.response();
    if (response.ended() || response.headWritten()) {
      return;
    }
    if (hasBody(ctx.request())) {
      // The body was never read: the connection cannot carry a next request.
      response.putHeader(HttpHeaders.CONNECTION, "close");
    }
    headers.forEach(response::putHeader);
    response
        .setStatusCode(type.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .end(body(ProblemResponses.problem(type, detail, ctx.normalizedPath(), List.of())));
  }

  public Buffer body(Problem problem) {
    try {
      return Buffer.buffer(json.writeValueAsBytes(problem));
    } catch (Exception e) {
      return Buffer.buffer();
    }
  }

  /** True when the request declares a body (which, refused, is never read). */
  public static boolean hasBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length != null && !"0".equals(length.trim()))
        || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }

  /** Whole seconds to wait, never less than one (Retry-After has no fractions). */
  public static String retryAfterSeconds(long nanos) {
    long seconds = (nanos + 999_999_999L) / 1_000_000_000L;
    return Long.toString(Math.max(1, seconds));
  }
}
