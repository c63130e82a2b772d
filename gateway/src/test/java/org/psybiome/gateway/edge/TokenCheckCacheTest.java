package org.psybiome.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.VerifiedTokens;

/**
 * A token verified once is not verified again until it expires (issue #15: the signature check and
 * its trip to a worker thread were the gateway's cost per read); an expired one is parsed again, so
 * the parser's refusal still applies; a refused one is never remembered. The cache is the services'
 * own ({@link VerifiedTokens}), which the gateway asks first on its event loop.
 */
class TokenCheckCacheTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger parses = new AtomicInteger();
  private final AtomicLong now = new AtomicLong(1_000_000);

  @AfterEach
  void close() {
    vertx.close();
  }

  /** A parser that counts its calls: "good-<exp>" is valid until exp (seconds), others refused. */
  private JWTParser parser() {
    return (JWTParser)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {JWTParser.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("parse") || args.length != 1) {
                throw new UnsupportedOperationException(method.getName());
              }
              parses.incrementAndGet();
              String token = (String) args[0];
              long exp = token.startsWith("good-") ? Long.parseLong(token.substring(5)) : 0;
              if (exp * 1000 <= now.get()) {
                throw new ParseException("invalid or expired");
              }
              return jwt(exp);
            });
  }

  private static JsonWebToken jwt(long exp) {
    return (JsonWebToken)
        Proxy.newProxyInstance(
            TokenCheckCacheTest.class.getClassLoader(),
            new Class<?>[] {JsonWebToken.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getExpirationTime" -> exp;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> null;
                });
  }

  private TokenCheck check() {
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return Instant.ofEpochMilli(now.get());
          }
        };
    return new TokenCheck(new VerifiedTokens(parser(), clock), vertx);
  }

  private static JsonWebToken await(io.vertx.core.Future<JsonWebToken> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aValidTokenIsParsedOnceUntilItExpires() throws Exception {
    TokenCheck check = check();
    // now = 1 000 s; the token expires at 1 100 s
    JsonWebToken first = await(check.verify("good-1100"));
    assertThat(await(check.verify("good-1100"))).isSameAs(first);
    assertThat(await(check.verify("good-1100"))).isSameAs(first);
    assertThat(parses).hasValue(1);

    now.set(1_100_000); // at its expiry: parsed again, and refused by the parser
    assertThatThrownBy(() -> await(check.verify("good-1100")))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(ParseException.class);
    assertThat(parses).hasValue(2);
  }

  @Test
  void refusedTokensAreNotRemembered() throws Exception {
    TokenCheck check = check();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> await(check.verify("forged")))
          .hasCauseInstanceOf(ParseException.class);
    }
    assertThat(parses).hasValue(3);
  }

  @Test
  void theCacheIsBounded() throws Exception {
    TokenCheck check = check();
    for (int i = 0; i <= VerifiedTokens.CACHED_TOKENS; i++) {
      // distinct texts, all valid: the (CACHED_TOKENS + 1)th starts the cache afresh
      await(check.verify("good-" + (2000 + i)));
    }
    int before = parses.get();
    await(check.verify("good-2000"));
    assertThat(parses.get()).isEqualTo(before + 1);
  }
}
