package org.psybiome.systemtests.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * What a drill saw, printed and appended to {@code target/drills/results.txt}, the figures
 * RELIABILITY.md quotes.
 */
final class DrillReport {

  private DrillReport() {}

  static void print(String drill, String format, Object... args) {
    String line = Instant.now() + "  drill " + drill + ": " + String.format(format, args);
    System.out.println(line);
    Path file = Path.of(System.getProperty("psybiome.drills.results", "target/drills/results.txt"));
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line + System.lineSeparator(),
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
