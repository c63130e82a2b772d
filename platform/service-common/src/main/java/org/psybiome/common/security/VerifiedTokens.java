package org.psybiome.common.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The token parser every service and the gateway authenticate with: SmallRye's own, with the tokens
 * it accepted kept by their text until they expire. A client sends the same token with every
 * request, and checking its RS256 signature again each time was 11 % of trial-service's CPU while
 * enrolments flowed (issue #15). Only {@link #parse(String)} (the one the {@code mp.jwt} settings
 * govern) is remembered; a refused token is never remembered, and an expired one is handed to
 * SmallRye again, so its refusal still applies. Nothing here revokes a token before its expiry —
 * neither did verification without the cache.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

  /** Past this many distinct tokens the cache starts afresh: a bound, not an eviction policy. */
  public static final int CACHED_TOKENS = 4096;

  private final JWTParser delegate;
  private final Clock clock;
  private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

  @Inject
  VerifiedTokens(DefaultJWTParser delegate) {
    this(delegate, Clock.systemUTC());
  }

  /** A cache around {@code delegate}, reading the time from {@code clock}. */
  public VerifiedTokens(JWTParser delegate, Clock clock) {
    this.delegate = delegate;
    this.clock = clock;
  }

  /** The token, if it was verified before and has not expired: no signature work. */
  public Optional<JsonWebToken> known(String token) {
    JsonWebToken known = verified.get(token);
    if (known == null) {
      return Optional.empty();
    }
    if (clock.millis() / 1000 < known.getExpirationTime()) {
      return Optional.of(known);
    }
    verified.remove(token, known);
    return Optional.empty();
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    Optional<JsonWebToken> known = known(token);
    if (known.isPresent()) {
      return known.get();
    }
    JsonWebToken jwt = delegate.parse(token);
    if (verified.size() >= CACHED_TOKENS) {
      verified.clear();
    }
    verified.put(token, jwt);
    return jwt;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return delegate.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return delegate.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return delegate.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return delegate.parseOnly(token);
  }
}
