package org.psybiome.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Real signed JWTs for tests, in the shape the services accept: {@code sub}, {@code groups} (roles)
 * and {@code consortium}. Also the bad ones a test needs: expired, signed with an untrusted key,
 * tampered with.
 */
public final class TestTokens {

  /** The issuer the services are configured to trust during tests. */
  public static final String ISSUER = "https://auth.psybiome.test";

  private TestTokens() {}

  /** A valid token for {@code subject} with one role, acting for {@code consortium}. */
  public static String token(String subject, String role, String consortium) {
    return builder(subject, Set.of(role), consortium, Instant.now().plus(Duration.ofHours(1)))
        .sign(trustedKey());
  }

  /** A valid token for a made-up subject of the role and consortium. */
  public static String token(String role, String consortium) {
    return token(role + "@" + consortium, role, consortium);
  }

  public static String expired(String role, String consortium) {
    return builder(
            role + "@" + consortium,
            Set.of(role),
            consortium,
            Instant.now().minus(Duration.ofHours(1)))
        .issuedAt(Instant.now().minus(Duration.ofHours(2)))
        .sign(trustedKey());
  }

  public static String signedWithUntrustedKey(String role, String consortium) {
    return builder(
            role + "@" + consortium, Set.of(role), consortium, Instant.now().plusSeconds(3600))
        .sign(TestKeys.get().untrusted().getPrivate());
  }

  /** A valid token whose payload was then edited to claim another role; the signature breaks. */
  public static String tampered(String role, String consortium, String claimedRole) {
    String[] parts = token(role, consortium).split("\\.");
    var decoder = java.util.Base64.getUrlDecoder();
    var encoder = java.util.Base64.getUrlEncoder().withoutPadding();
    String payload = new String(decoder.decode(parts[1])).replace(role, claimedRole);
    return parts[0] + "." + encoder.encodeToString(payload.getBytes()) + "." + parts[2];
  }

  private static JwtClaimsBuilder builder(
      String subject, Set<String> roles, String consortium, Instant expiresAt) {
    JwtClaimsBuilder builder =
        Jwt.issuer(ISSUER).subject(subject).upn(subject).groups(roles).expiresAt(expiresAt);
    if (consortium != null) {
      builder.claim("consortium", consortium);
    }
    return builder;
  }

  private static PrivateKey trustedKey() {
    return TestKeys.get().trusted().getPrivate();
  }
}
