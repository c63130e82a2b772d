package org.psybiome.gateway.edge;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * The checks every {@code /api/v1} request passes at the edge, in this order: declared body size
 * (413), bearer token when one is sent (401), the caller's rate limit (429). The services' circuit
 * breakers come last, around the call to the service itself.
 */
@ApplicationScoped
public class Admission {

  private final GatewayConfig config;
  private final EdgeProblems edge;
  private final TokenCheck tokens;
  private final RateLimiter rateLimiter;

  Admission(GatewayConfig config, EdgeProblems edge, TokenCheck tokens, RateLimiter rateLimiter) {
    this.config = config;
    this.edge = edge;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
  }

  /**
   * Runs the checks; a refusal ends the exchange with a problem, else {@code admitted} gets the
   * caller (anonymous without a token). While a token is verified (off the event loop) the request
   * body is paused, and stays so: whoever handles the request next resumes it (the proxy does when
   * it streams the body on), so no byte is lost.
   */
  public void admit(RoutingContext ctx, Consumer<VerifiedCaller> admitted) {
    if (declaredBodyTooLarge(ctx.request())) {
      edge.refuse(
          ctx,
          ProblemType.PAYLOAD_TOO_LARGE,
          "The request body exceeds the " + config.maxBodySize().asLongValue() + " bytes accepted",
          Map.of());
      return;
    }
    Optional<String> token = TokenCheck.bearerToken(ctx.request());
    if (token.isEmpty()) {
      String address = ctx.request().remoteAddress().hostAddress();
      if (withinRateLimit(
          ctx, RateLimiter.forAddress(address), rateLimiter.rateFor(java.util.Set.of()))) {
        admitted.accept(VerifiedCaller.ANONYMOUS);
      }
      return;
    }
    ctx.request().pause();
    tokens
        .verify(token.get())
        .onComplete(
            verified -> {
              if (verified.failed()) {
                Log.debugf("Refused token: %s", verified.cause().getMessage());
                edge.refuse(
                    ctx,
                    ProblemType.UNAUTHENTICATED,
                    "The bearer token is invalid or expired",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
                return;
              }
              JsonWebToken jwt = verified.result();
              VerifiedCaller caller = VerifiedCaller.of(jwt);
              if (withinRateLimit(
                  ctx,
                  RateLimiter.forSubject(caller.subject()),
                  rateLimiter.rateFor(caller.roles()))) {
                admitted.accept(caller);
              }
            });
  }

  private boolean withinRateLimit(RoutingContext ctx, String caller, RateLimiter.Rate rate) {
    OptionalLong limited = rateLimiter.acquire(caller, rate);
    if (limited.isPresent()) {
      edge.refuse(
          ctx,
          ProblemType.TOO_MANY_REQUESTS,
          "Too many requests from this caller; slow down",
          Map.of("Retry-After", EdgeProblems.retryAfterSeconds(limited.getAsLong())));
      return false;
    }
    return true;
  }

  private boolean declaredBodyTooLarge(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length.trim()) > config.maxBodySize().asLongValue();
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
