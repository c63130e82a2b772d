package org.psybiome.devtools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The key pair that signs tokens for a local stack, kept in {@code .psybiome/keys} (never in the
 * source tree). Services are given only the public key.
 */
public final class LocalKeys {

  static final String PRIVATE_KEY = "jwt-private.pem";
  static final String PUBLIC_KEY = "jwt-public.pem";

  private final Path directory;

  public LocalKeys(Path directory) {
    this.directory = directory;
  }

  public Path publicKey() {
    return directory.resolve(PUBLIC_KEY);
  }

  /** Creates the pair unless it exists; returns true when it made a new one. */
  public boolean ensure() throws IOException, GeneralSecurityException {
    if (Files.exists(directory.resolve(PRIVATE_KEY)) && Files.exists(publicKey())) {
      return false;
    }
    Files.createDirectories(directory);
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path privateKey = directory.resolve(PRIVATE_KEY);
    Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try {
      Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system; the key is still outside the source tree
    }
    Files.writeString(publicKey(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    return true;
  }

  public PrivateKey privateKey() throws IOException, GeneralSecurityException {
    String pem = Files.readString(directory.resolve(PRIVATE_KEY));
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
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
