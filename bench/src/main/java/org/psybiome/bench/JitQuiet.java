package org.psybiome.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Waits until the services' optimising compilers have caught up. On 2 cores a JVM has one C2
 * compiler thread, and after a warm-up of a few tens of seconds it was seen still compiling queued
 * methods at 100 % of a core for minutes (trial-service after enrolments, 2026-12-01): every figure
 * measured meanwhile pays for the compiler, not for the code. Quiet means each service's C2 thread
 * used less than {@link #QUIET_SHARE} of a core over the last {@link #WINDOW}.
 */
final class JitQuiet {

  static final double QUIET_SHARE = 0.05;
  static final Duration WINDOW = Duration.ofSeconds(3);

  private JitQuiet() {}

  /** Waits at most {@code limit}; returns how long it waited, for the log and the report. */
  static Duration await(Stack stack, Duration limit, String... services)
      throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < limit.toNanos()) {
      long[] before = new long[services.length];
      for (int i = 0; i < services.length; i++) {
        before[i] = compilerTicks(stack.pidFile(services[i]));
      }
      // the sleep is the measurement: the compiler's CPU is read before and after one window, and
      // no event marks "compiled" that could be awaited instead
      Thread.sleep(WINDOW.toMillis());
      boolean quiet = true;
      for (int i = 0; i < services.length; i++) {
        long used = compilerTicks(stack.pidFile(services[i])) - before[i];
        if (before[i] >= 0 && used / CpuTimes.TICKS_PER_SECOND > QUIET_SHARE * WINDOW.toSeconds()) {
          quiet = false;
        }
      }
      if (quiet) {
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** CPU ticks of the process's C2 compiler threads ("C2 CompilerThre" in /proc); -1 if none. */
  static long compilerTicks(Path pidFile) {
    try {
      String pid = Files.readString(pidFile).trim();
      long sum = 0;
      try (Stream<Path> tasks = Files.list(Path.of("/proc", pid, "task"))) {
        for (Path task : tasks.toList()) {
          String stat = Files.readString(task.resolve("stat"));
          if (isC2(stat)) {
            sum += CpuTimes.ownTicks(stat);
          }
        }
      }
      return sum;
    } catch (Exception e) {
      return -1; // not running, or a thread ended while listed
    }
  }

  /** Linux cuts a thread's name to 15 characters: "C2 CompilerThre". */
  static boolean isC2(String stat) {
    return stat.contains("(C2 CompilerThre");
  }
}
