package org.psybiome.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP throughput and latency from a load generator in a process of its own: {@code wrk} when it is
 * on the PATH, else {@link LoadGenerator} in a separate JVM. Each point (a number of connections)
 * gets a warm-up run, then {@code runs} measured runs; each figure is reported as the median of the
 * runs with their min and max, and every run carries the machine's 1-minute load average read just
 * before it, so a figure taken on a busy machine says so.
 */
final class LoadCurve {

  /** One measured run. */
  record Run(double rps, double p50Ms, double p99Ms, long errors, double loadAverage) {}

  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern PERCENTILE =
      Pattern.compile("^\\s+(50|99)(?:\\.000)?%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final int runs;
  private final int seconds;
  private final int warmupSeconds;
  private final boolean wrk;
  private final CpuTimes cpu;

  LoadCurve(int runs, int seconds, int warmupSeconds) {
    this(runs, seconds, warmupSeconds, null);
  }

  /** With {@code cpu}, each run also reports the CPU time per request of each part it watches. */
  LoadCurve(int runs, int seconds, int warmupSeconds, CpuTimes cpu) {
    this.runs = runs;
    this.seconds = seconds;
    this.warmupSeconds = warmupSeconds;
    this.wrk = onPath("wrk");
    this.cpu = cpu;
  }

  String generator() {
    return wrk ? "wrk (separate process)" : "bench LoadGenerator (separate JVM)";
  }

  /**
   * Load before any curve: a JVM just started compiles its hot paths during its first seconds, so
   * whichever curve ran first would pay for it (the 2026-12-01 rerun's direct 1-connection runs
   * went 151 -> 278 -> 320 requests/s as they warmed).
   */
  void warmUp(String label, URI uri, String token, int connections, int warmSeconds)
      throws Exception {
    Progress.say("%s: warming up, %d connections for %d s", label, connections, warmSeconds);
    once(uri, token, connections, warmSeconds);
  }

  /** The points of one curve, ready for the report: per connection count, median/min/max. */
  List<Map<String, Object>> measure(String label, URI uri, String token, int[] connections)
      throws Exception {
    List<Map<String, Object>> points = new ArrayList<>();
    for (int c : connections) {
      Progress.say(
          "%s: %d connections, warm-up %d s, then %d runs of %d s",
          label, c, warmupSeconds, runs, seconds);
      once(uri, token, c, warmupSeconds);
      List<Run> measured = new ArrayList<>();
      List<Map<String, Double>> cpuRuns = new ArrayList<>();
      for (int r = 0; r < runs; r++) {
        Map<String, Long> before = cpu == null ? null : cpu.snapshot();
        Run run = once(uri, token, c, seconds);
        Progress.say(
            "  run %d: %.0f req/s, p50 %.3f ms, p99 %.3f ms, load %.2f",
            r + 1, run.rps(), run.p50Ms(), run.p99Ms(), run.loadAverage());
        measured.add(run);
        if (cpu != null) {
          Map<String, Double> us = CpuTimes.perRequest(before, cpu.snapshot(), run.rps() * seconds);
          Progress.say("    CPU per request (us): %s", us);
          cpuRuns.add(us);
        }
      }
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("connections", c);
      point.put("rps", stat(measured.stream().mapToDouble(Run::rps).toArray()));
      point.put("p50_ms", stat(measured.stream().mapToDouble(Run::p50Ms).toArray()));
      point.put("p99_ms", stat(measured.stream().mapToDouble(Run::p99Ms).toArray()));
      point.put("errors", measured.stream().mapToLong(Run::errors).sum());
      point.put("runs", measured);
      if (cpu != null) {
        Map<String, Object> cpuStat = new LinkedHashMap<>();
        for (String part : cpuRuns.get(0).keySet()) {
          cpuStat.put(part, stat(cpuRuns.stream().mapToDouble(m -> m.get(part)).toArray()));
        }
        point.put("cpu_us_per_request", cpuStat);
        point.put("cpu_runs", cpuRuns);
      }
      points.add(point);
    }
    return points;
  }

  /** Median, min and max (the median of an even count is the mean of the middle two). */
  static Map<String, Double> stat(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    Map<String, Double> stat = new LinkedHashMap<>();
    stat.put("median", Report.round(median, 3));
    stat.put("min", Report.round(sorted[0], 3));
    stat.put("max", Report.round(sorted[n - 1], 3));
    return stat;
  }

  Run once(URI uri, String token, int connections, int runSeconds) throws Exception {
    double load = Machine.loadAverage();
    List<String> command = new ArrayList<>();
    if (wrk) {
      command.addAll(
          List.of(
              "wrk",
              "-t" + Math.min(2, connections),
              "-c" + connections,
              "-d" + runSeconds + "s",
              "--latency",
              "-H",
              "Authorization: Bearer " + token,
              uri.toString()));
    } else {
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-XX:+UseSerialGC",
              "-Xmx128m",
              "-cp",
              System.getProperty("java.class.path"),
              LoadGenerator.class.getName(),
              uri.toString(),
              token,
              Integer.toString(connections),
              Integer.toString(runSeconds)));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      output = String.join("\n", reader.lines().toList());
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          String.join(" ", command.subList(0, 1)) + " failed:\n" + output);
    }
    return wrk ? parseWrk(output, load) : parseGenerator(output, load);
  }

  static Run parseWrk(String output, double load) {
    Matcher rps = RPS.matcher(output);
    if (!rps.find()) {
      throw new IllegalStateException("no Requests/sec in wrk's output:\n" + output);
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher p = PERCENTILE.matcher(output);
    while (p.find()) {
      double ms = toMs(Double.parseDouble(p.group(2)), p.group(3));
      if (p.group(1).equals("50")) {
        p50 = ms;
      } else {
        p99 = ms;
      }
    }
    long errors = 0;
    Matcher non2xx = NON_2XX.matcher(output);
    if (non2xx.find()) {
      errors += Long.parseLong(non2xx.group(1));
    }
    Matcher socket = SOCKET_ERRORS.matcher(output);
    if (socket.find()) {
      for (int g = 1; g <= 4; g++) {
        errors += Long.parseLong(socket.group(g));
      }
    }
    return new Run(Double.parseDouble(rps.group(1)), p50, p99, errors, load);
  }

  static Run parseGenerator(String output, double load) {
    String[] lines = output.strip().split("\n");
    String[] f = lines[lines.length - 1].trim().split(" ");
    return new Run(
        Double.parseDouble(f[0]),
        Double.parseDouble(f[1]),
        Double.parseDouble(f[2]),
        Long.parseLong(f[3]),
        load);
  }

  private static double toMs(double value, String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      default -> value * 1000;
    };
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
