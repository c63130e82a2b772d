package org.psybiome.systemtests.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What a drill saw: printed, appended to {@code target/drills/results.txt}, and appended to the
 * drill's own file {@code drill-results/<UTC date>-drill<N>-<name>.txt} (property {@code
 * psybiome.drills.dir}), which is committed with RELIABILITY.md so every figure there can be traced
 * to the run that produced it. A drill's name is its number and a few words, e.g. {@code "1 Kafka
 * outage"} → {@code 2026-11-30-drill1-kafka-outage.txt}.
 */
final class DrillReport {

  private DrillReport() {}

  /** The drill's line of figures (written before its assertions, so a failed run is kept too). */
  static void print(String drill, String format, Object... args) {
    String line = Instant.now() + "  drill " + drill + ": " + String.format(format, args);
    System.out.println(line);
    append(
        Path.of(System.getProperty("psybiome.drills.results", "target/drills/results.txt")), line);
    append(drillFile(drill), line);
  }

  /** A detail the drill's file keeps beside its figures (e.g. each kill's time). */
  static void detail(String drill, String format, Object... args) {
    append(drillFile(drill), "    " + String.format(format, args));
  }

  static Path drillFile(String drill) {
    String[] numberAndName = drill.split(" ", 2);
    String slug =
        numberAndName[1]
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("-$", "");
    return Path.of(System.getProperty("psybiome.drills.dir", "drill-results"))
        .resolve(LocalDate.now(ZoneOffset.UTC) + "-drill" + numberAndName[0] + "-" + slug + ".txt");
  }

  private static void append(Path file, String line) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
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
