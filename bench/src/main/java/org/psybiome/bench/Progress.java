package org.psybiome.bench;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** What the benchmark is doing, on stderr: a full run takes a while. */
final class Progress {

  private Progress() {}

  static void say(String format, Object... args) {
    System.err.println(
        LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + String.format(format, args));
  }
}
