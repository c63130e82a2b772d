package org.psybiome.bench;

import io.smallrye.jwt.build.Jwt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Signs RS256 bearer tokens with the local key pair of {@code ./psybiome up}, with the same claims
 * as {@code ./psybiome token}; valid for four hours, longer than a full run.
 */
final class TokenMinter {

  static final String ISSUER = "https://auth.psybiome.local";
  static final Duration LIFETIME = Duration.ofHours(4);

  private final PrivateKey key;

  TokenMinter(Path keysDirectory) throws Exception {
    String pem = Files.readString(keysDirectory.resolve("jwt-private.pem"));
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  String mint(String subject, String role, String consortium) {
    return Jwt.issuer(ISSUER)
        .subject(subject)
        .upn(subject)
        .groups(Set.of(role))
        .claim("consortium", consortium)
        .expiresIn(LIFETIME)
        .sign(key);
  }
}
