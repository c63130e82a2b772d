package org.psybiome.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {

  @TempDir Path dir;

  @Test
  void mintedTokenVerifiesWithThePublicKeyAndCarriesRoleAndConsortium() throws Exception {
    LocalKeys keys = new LocalKeys(dir);
    assertTrue(keys.ensure());
    assertFalse(keys.ensure(), "an existing pair is kept");

    String token =
        Tokens.mint(
            keys, Tokens.DEFAULT_ISSUER, "ana", "registrant", "MINDGUT", Duration.ofHours(1));

    var jwt = parser(keys.publicKey()).parse(token);
    assertEquals("ana", jwt.getSubject());
    assertEquals(java.util.Set.of("registrant"), jwt.getGroups());
    assertEquals("MINDGUT", jwt.getClaim("consortium").toString().replace("\"", ""));
  }

  @Test
  void tokenFromAnotherKeyPairIsRefused() throws Exception {
    LocalKeys mine = new LocalKeys(dir.resolve("mine"));
    LocalKeys other = new LocalKeys(dir.resolve("other"));
    mine.ensure();
    other.ensure();
    String token =
        Tokens.mint(other, Tokens.DEFAULT_ISSUER, "eve", "curator", null, Duration.ofHours(1));
    assertThrows(ParseException.class, () -> parser(mine.publicKey()).parse(token));
  }

  @Test
  void privateKeyIsOnlyReadableByItsOwner() throws Exception {
    LocalKeys keys = new LocalKeys(dir);
    keys.ensure();
    assertEquals(
        "rw-------",
        java.nio.file.attribute.PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir.resolve(LocalKeys.PRIVATE_KEY))));
  }

  @Test
  void ttlAcceptsUnitsAndRejectsNonsense() {
    assertEquals(Duration.ofMinutes(30), Tokens.parseTtl("30m"));
    assertEquals(Duration.ofDays(7), Tokens.parseTtl("7d"));
    assertThrows(IllegalArgumentException.class, () -> Tokens.parseTtl("soon"));
  }

  private static DefaultJWTParser parser(Path publicKey) {
    JWTAuthContextInfo info =
        new JWTAuthContextInfo(publicKey.toUri().toString(), Tokens.DEFAULT_ISSUER);
    return new DefaultJWTParser(info);
  }
}
