package org.psybiome.devtools;

import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** Signed tokens that the local stack accepts: one role, and the consortium it acts for. */
public final class Tokens {

  public static final List<String> ROLES =
      List.of(
          "registrant",
          "pipeline",
          "statistician",
          "blinded-statistician",
          "curator",
          "reader",
          // not an API caller: republishes trial-service's state on its own port (decision 25)
          "operator");
  public static final String DEFAULT_ISSUER = "https://auth.psybiome.local";

  private Tokens() {}

  /** Curators, readers and operators act across consortia; every other role acts for one. */
  public static boolean needsConsortium(String role) {
    return !role.equals("curator") && !role.equals("reader") && !role.equals("operator");
  }

  public static String mint(
      LocalKeys keys, String issuer, String subject, String role, String consortium, Duration ttl)
      throws Exception {
    var claims =
        Jwt.issuer(issuer).subject(subject).upn(subject).groups(Set.of(role)).expiresIn(ttl);
    if (consortium != null) {
      claims.claim("consortium", consortium);
    }
    return claims.sign(keys.privateKey());
  }

  /** A lifetime such as 30m, 8h or 7d (also 45s). */
  public static Duration parseTtl(String text) {
    String value = text.trim().toLowerCase();
    try {
      long amount = Long.parseLong(value.substring(0, value.length() - 1));
      return switch (value.charAt(value.length() - 1)) {
        case 's' -> Duration.ofSeconds(amount);
        case 'm' -> Duration.ofMinutes(amount);
        case 'h' -> Duration.ofHours(amount);
        case 'd' -> Duration.ofDays(amount);
        default -> throw new IllegalArgumentException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--ttl must look like 30m, 8h or 7d");
    }
  }
}
