package org.psybiome.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were measured on: they mean little without it. */
final class Machine {

  private Machine() {}

  static void describe(Report report) {
    report.meta("cores", Runtime.getRuntime().availableProcessors());
    report.meta("ram_gb", Math.round(memTotalKb() / 1024.0 / 1024.0 * 10) / 10.0);
    report.meta("cpu", cpuModel());
    report.meta(
        "jdk",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    report.meta("load_average_at_start", loadAverage());
    report.meta("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The 1-minute load average: on a shared machine, the context every figure needs. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (Exception e) {
      return -1;
    }
  }

  private static long memTotalKb() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal:"))
          .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
          .findFirst()
          .orElse(0L);
    } catch (Exception e) {
      return 0;
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown");
    } catch (Exception e) {
      return "unknown";
    }
  }
}
