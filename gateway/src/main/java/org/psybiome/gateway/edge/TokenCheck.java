package org.psybiome.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token at the edge (signature, issuer, expiry — the {@code mp.jwt.verify.*}
 * settings), so a forged or stale token never reaches a service. The services still check tokens
 * and roles themselves: this only keeps bad ones out early and names the caller for rate limiting.
 */
@ApplicationScoped
public class TokenCheck {

  private static final String BEARER = "bearer ";

  private final JWTParser parser;
  private final Vertx vertx;

  TokenCheck(JWTParser parser, Vertx vertx) {
    this.parser = parser;
    this.vertx = vertx;
  }

  /** The bearer token of the request, if it carries one. */
  public static Optional<String> bearerToken(HttpServerRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || authorization.length() <= BEARER.length()) {
      return Optional.empty();
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    return Optional.of(authorization.substring(BEARER.length()).trim());
  }

  /**
   * The verified token, or a failed future. Parsing may read keys and does RSA work, so it runs on
   * a worker thread; the future completes back on the caller's event loop.
   */
  public Future<JsonWebToken> verify(String token) {
    return vertx.executeBlocking(() -> parser.parse(token), false);
  }
}
