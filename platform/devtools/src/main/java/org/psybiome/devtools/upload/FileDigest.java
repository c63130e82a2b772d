package org.psybiome.devtools.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** SHA-256 of a file, read as a stream. */
public final class FileDigest {

  private FileDigest() {}

  /** Hex SHA-256 of the file; {@code progress} is told the bytes read so far. */
  public static String sha256(Path file, LongConsumer progress) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 20];
    long read = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
        read += n;
        progress.accept(read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
