package org.psybiome.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time each part of a measured exchange used, from /proc (Linux): the load generator (a child
 * of this JVM, so counted in this process's reaped-children time once it has exited), each service
 * (by its pid file) and PostgreSQL (every process named {@code postgres}). Divided by the requests
 * of a run, it says where the machine's two cores went, which decides what throughput ratio the
 * gateway can reach on this machine at all.
 */
final class CpuTimes {

  /** USER_HZ: the unit of /proc's times; 100 on every Linux this runs on (getconf CLK_TCK). */
  static final double TICKS_PER_SECOND = 100;

  private final Stack stack;
  private final String[] services;

  CpuTimes(Stack stack, String... services) {
    this.stack = stack;
    this.services = services;
  }

  /** Ticks used so far by each part, by name ("generator", each service, "postgresql"). */
  Map<String, Long> snapshot() {
    Map<String, Long> ticks = new LinkedHashMap<>();
    ticks.put("generator", childrenTicks(read(Path.of("/proc/self/stat"))));
    for (String service : services) {
      ticks.put(service, pidTicks(stack.pidFile(service)).orElse(-1));
    }
    ticks.put("postgresql", postgresTicks());
    return ticks;
  }

  /** Microseconds of CPU per request of each part between two snapshots; -1 where unknown. */
  static Map<String, Double> perRequest(
      Map<String, Long> before, Map<String, Long> after, double requests) {
    Map<String, Double> us = new LinkedHashMap<>();
    before.forEach(
        (part, start) -> {
          long used = used(start, after.getOrDefault(part, -1L));
          us.put(
              part,
              used < 0 || requests <= 0
                  ? -1.0
                  : Report.round(used / TICKS_PER_SECOND * 1e6 / requests, 1));
        });
    return us;
  }

  /** Ticks used between two readings of one part; -1 when either is unknown or they disagree. */
  private static long used(long start, long end) {
    return start < 0 || end < start ? -1 : end - start;
  }

  /**
   * Cores the parts kept busy on average between two snapshots {@code seconds} apart: the sum of
   * their CPU seconds over the wall-clock seconds (2.0 is both cores of this machine).
   */
  static double busyCores(Map<String, Long> before, Map<String, Long> after, double seconds) {
    long ticks = 0;
    for (var part : before.entrySet()) {
      ticks += Math.max(0, used(part.getValue(), after.getOrDefault(part.getKey(), -1L)));
    }
    return seconds <= 0 ? 0 : ticks / TICKS_PER_SECOND / seconds;
  }

  /** utime + stime of a /proc/PID/stat line (fields 14 and 15). */
  static long ownTicks(String stat) {
    String[] f = fieldsAfterName(stat);
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** cutime + cstime (fields 16 and 17): children that have exited and been waited for. */
  static long childrenTicks(String stat) {
    String[] f = fieldsAfterName(stat);
    return Long.parseLong(f[13]) + Long.parseLong(f[14]);
  }

  /** The name (field 2) is in parentheses and may hold spaces or parentheses itself. */
  private static String[] fieldsAfterName(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
  }

  private static OptionalLong pidTicks(Path pidFile) {
    try {
      String pid = Files.readString(pidFile).trim();
      return OptionalLong.of(ownTicks(read(Path.of("/proc", pid, "stat"))));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty(); // between a stop and a start
    }
  }

  private static long postgresTicks() {
    long sum = 0;
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = read(proc.resolve("stat"));
          if (stat.contains("(postgres)")) {
            sum += ownTicks(stat);
          }
        } catch (RuntimeException e) {
          // a process that ended while the list was read
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return sum;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
