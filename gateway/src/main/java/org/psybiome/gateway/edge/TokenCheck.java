package org.psybiome.gateway.edge;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token at the edge (signature, issuer, expiry — the {@code mp.jwt.verify.*}
 * settings), so a forged or stale token never reaches a service. The services still check tokens
 * and roles themselves: this only keeps bad ones out early and names the caller for rate limiting.
 */
@ApplicationScoped
public class TokenCheck {

  private static final String BEARER = "bearer ";

  /**
   * Verified tokens kept, by their text, until they expire: a client sends the same token with
   * every request, and verifying it again (an RSA signature check, on a worker thread and back) was
   * most of what the gateway added to a read. Bounded: past this many, the cache starts afresh.
   */
  static final int CACHED_TOKENS = 4096;

  private final JWTParser parser;
  private final Vertx vertx;
  private final Clock clock;
  private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

  @Inject
  TokenCheck(JWTParser parser, Vertx vertx) {
    this(parser, vertx, Clock.systemUTC());
  }

  TokenCheck(JWTParser parser, Vertx vertx, Clock clock) {
    this.parser = parser;
    this.vertx = vertx;
    this.clock = clock;
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
   * at once, on the caller's thread. Otherwise parsing may read keys and does RSA work, so it runs
   * on a worker thread; the future completes back on the caller's event loop.
   */
  public Future<JsonWebToken> verify(String token) {
    JsonWebToken known = verified.get(token);
    if (known != null) {
      if (clock.millis() / 1000 < known.getExpirationTime()) {
        return Future.succeededFuture(known);
      }
      verified.remove(token);
    }
    return vertx
        .executeBlocking(() -> parser.parse(token), false)
        .onSuccess(
            jwt -> {
              if (verified.size() >= CACHED_TOKENS) {
                verified.clear();
              }
              verified.put(token, jwt);
            });
  }
}
