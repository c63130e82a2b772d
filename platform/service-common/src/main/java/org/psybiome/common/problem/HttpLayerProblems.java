package org.psybiome.common.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Errors raised below JAX-RS — no route for the path, a body over the size limit, a failed handler
 * — are answered with problem details too, so clients see one error format everywhere.
 */
@ApplicationScoped
public class HttpLayerProblems {

  private final ObjectMapper json;
  private final Optional<MemorySize> maxBodySize;

  HttpLayerProblems(
      ObjectMapper json,
      @ConfigProperty(name = "quarkus.http.limits.max-body-size")
          Optional<MemorySize> maxBodySize) {
    this.json = json;
    this.maxBodySize = maxBodySize;
  }

  void install(@Observes Router router) {
    // A NUL may be percent-encoded into a path segment or query value; no id or filter holds one,
    // and PostgreSQL would refuse it with an error.
    router
        .route()
        .order(-950)
        .handler(
            ctx -> {
              String uri = ctx.request().uri();
              if (uri.contains("%00")) {
                respond(ctx, 400, "The request URI contains an encoded NUL (%00)");
              } else {
                ctx.next();
              }
            });
    maxBodySize.ifPresent(
        limit ->
            // Refuse a declared oversized body before anything reads it, with a problem body;
            // the HTTP layer's own limit still stops undeclared (chunked) ones.
            router
                .route()
                .order(-900)
                .handler(
                    ctx -> {
                      String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
                      if (length != null && exceeds(length, limit.asLongValue())) {
                        // the unread body makes the connection unusable for a next request
                        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                        respond(ctx, 413);
                      } else {
                        ctx.next();
                      }
                    }));
    for (int status : new int[] {400, 404, 405, 413, 415, 500, 503}) {
      router.errorHandler(status, ctx -> respond(ctx, status));
    }
  }

  private static boolean exceeds(String contentLength, long limit) {
    try {
      return Long.parseLong(contentLength.trim()) > limit;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Ends the exchange with the generic problem for {@code status}. */
  public void respond(RoutingContext ctx, int status) {
    if (status >= 500 && ctx.failure() != null) {
      Log.errorf(ctx.failure(), "Unhandled failure on %s", ctx.normalizedPath());
    }
    String detail =
        switch (ProblemType.forStatus(status)) {
          case NOT_FOUND -> "No resource at this path";
          case PAYLOAD_TOO_LARGE -> "The request body exceeds the size this service accepts";
          case SERVICE_UNAVAILABLE -> "The service cannot handle the request right now";
          case INTERNAL -> "The request could not be completed; it has been logged";
          default -> ProblemType.forStatus(status).title();
        };
    respond(ctx, status, detail);
  }

  /** Ends the exchange with a problem for {@code status} saying {@code detail}. */
  public void respond(RoutingContext ctx, int status, String detail) {
    if (ctx.response().ended() || ctx.response().headWritten()) {
      return;
    }
    ProblemType type = ProblemType.forStatus(status);
    Problem problem = ProblemResponses.problem(type, detail, ctx.normalizedPath(), List.of());
    try {
      ctx.response()
          .setStatusCode(status)
          .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .end(json.writeValueAsString(problem));
    } catch (Exception e) {
      ctx.response().setStatusCode(status).end();
    }
  }
}
