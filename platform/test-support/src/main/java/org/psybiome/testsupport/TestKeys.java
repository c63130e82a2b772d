package org.psybiome.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * RSA key pairs made fresh for each test JVM: the services verify with the public key written to a
 * temporary file, tests sign with the private key, which never touches the source tree. A second,
 * untrusted pair signs tokens that must be refused.
 */
public final class TestKeys {

  private static TestKeys instance;

  private final KeyPair trusted;
  private final KeyPair untrusted;
  private final Path publicKeyFile;

  private TestKeys() {
    trusted = generate();
    untrusted = generate();
    try {
      publicKeyFile = Files.createTempFile("psybiome-test-jwt-", ".pem");
      publicKeyFile.toFile().deleteOnExit();
      Files.writeString(publicKeyFile, pem(trusted));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static synchronized TestKeys get() {
    if (instance == null) {
      instance = new TestKeys();
    }
    return instance;
  }

  public KeyPair trusted() {
    return trusted;
  }

  public KeyPair untrusted() {
    return untrusted;
  }

  public Path publicKeyFile() {
    return publicKeyFile;
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }
}
