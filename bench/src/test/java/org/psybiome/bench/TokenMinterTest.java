package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens that the services' verifier (SmallRye JWT) accepts, with the claims they read. */
class TokenMinterTest {

  @TempDir Path keys;

  @Test
  void tokensVerifyWithThePublicKeyAndCarryRoleConsortiumAndAFourHourLifetime() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Files.writeString(
        keys.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Path publicKey = keys.resolve("jwt-public.pem");
    Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));

    TokenMinter minter = new TokenMinter(keys);
    String first = minter.mint("bench-reader-0@PSYBENCH", "reader", "PSYBENCH");
    String second = minter.mint("bench-reader-0@PSYBENCH", "reader", "PSYBENCH");

    var jwt =
        new DefaultJWTParser(
                new JWTAuthContextInfo(publicKey.toUri().toString(), TokenMinter.ISSUER))
            .parse(first);
    assertThat(jwt.getSubject()).isEqualTo("bench-reader-0@PSYBENCH");
    assertThat(jwt.getName()).isEqualTo("bench-reader-0@PSYBENCH");
    assertThat(jwt.getGroups()).isEqualTo(Set.of("reader"));
    assertThat(jwt.getClaim("consortium").toString()).contains("PSYBENCH");
    // 4 h = 14 400 s from issue to expiry
    assertThat(jwt.getExpirationTime() - jwt.getIssuedAtTime()).isEqualTo(14_400);
    assertThat(jwt.getIssuedAtTime())
        .isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));
    assertThat(jwt.getTokenID()).as("a jti, so two tokens of one subject differ").isNotBlank();
    assertThat(second).isNotEqualTo(first);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
