package org.psybiome.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens with the local key pair of {@code ./psybiome up} (the same claims as
 * {@code ./psybiome token}), with the JDK alone: the benchmark mints hundreds of them.
 */
final class TokenMinter {

  static final String ISSUER = "https://auth.psybiome.local";

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey key;

  TokenMinter(Path keysDirectory) throws Exception {
    String pem = Files.readString(keysDirectory.resolve("jwt-private.pem"));
    byte[] der =
        Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    this.key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
  }

  String mint(String subject, String role, String consortium) {
    long now = Instant.now().getEpochSecond();
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims =
        String.format(
            "{\"iss\":\"%s\",\"sub\":\"%s\",\"upn\":\"%s\",\"groups\":[\"%s\"],"
                + "\"consortium\":\"%s\",\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}",
            ISSUER, subject, subject, role, consortium, now, now + 4 * 3600, UUID.randomUUID());
    String unsigned = encode(header) + "." + encode(claims);
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
      return unsigned + "." + URL.encodeToString(rsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("Cannot sign a token", e);
    }
  }

  private static String encode(String json) {
    return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
