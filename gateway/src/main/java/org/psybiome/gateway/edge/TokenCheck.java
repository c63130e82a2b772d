package org.psybiome.gateway.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psybiome.common.security.VerifiedTokens;

/**
 * Verifies a bearer token at the edge (signature, issuer, expiry — the {@code mp.jwt.verify.*}
 * settings), so a forged or stale token never reaches a service. The services still check tokens
 * and roles themselves: this only keeps bad ones out early and names the caller for rate limiting.
 */
@ApplicationScoped
public class TokenCheck {

  private static final String BEARER = "bearer ";

  private final VerifiedTokens tokens;
  private final Vertx vertx;

  @Inject
  TokenCheck(VerifiedTokens tokens, Vertx vertx) {
    this.tokens = tokens;
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
   * The verified token, or a failed future. A token verified before and not yet expired is answered
   * at once, on the caller's thread (verifying it again, an RSA signature check on a worker thread
   * and back, was most of what the gateway added to a read). Otherwise parsing may read keys and
   * does RSA work, so it runs on a worker thread; the future completes back on the caller's event
   * loop.
   */
  public Future<JsonWebToken> verify(String token) {
    Optional<JsonWebToken> known = tokens.known(token);
    if (known.isPresent()) {
      return Future.succeededFuture(known.get());
    }
    return vertx.executeBlocking(() -> tokens.parse(token), false);
  }
}
