package org.psybiome.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run: the keys BENCHMARKS.md reports at the top level, per service startup and
 * RSS under {@code services}, and what the figures were measured on under {@code metadata}. Printed
 * as a table and written as JSON, the same numbers in both.
 */
final class Report {

  /** A figure of the table: its key, unit, its target and whether it is a floor. */
  record Target(String key, String label, String unit, Double target, boolean atLeast) {}

  /**
   * The figures of the table, with the targets of issue #15. The first eleven keys are those of
   * issue #6 (kept, never removed); the later ones come from the curves.
   */
  static final List<Target> TARGETS =
      List.of(
          new Target(
              "ingest_rows_per_s", "ingest through gateway (1M rows)", "rows/s", 50_000.0, true),
          new Target("copy_rows_per_s", "raw COPY, same rows", "rows/s", null, true),
          new Target("ingest_ratio", "ingest / COPY", "", 0.7, true),
          new Target(
              "gateway_p50_added_ms",
              "gateway added p50 (1 client, in-JVM generator)",
              "ms",
              null,
              false),
          new Target(
              "gateway_p99_added_ms",
              "gateway added p99 (1 client, in-JVM generator)",
              "ms",
              null,
              false),
          new Target(
              "gateway_throughput_ratio",
              "gateway/direct throughput (32, in-JVM generator)",
              "",
              null,
              true),
          new Target("event_latency_p50_ms", "event commit->consumer p50", "ms", null, false),
          new Target("event_latency_p99_ms", "event commit->consumer p99", "ms", 100.0, false),
          new Target("summary_p50_ms", "summary p50", "ms", null, false),
          new Target("summary_p95_ms", "summary p95 (mode's size)", "ms", 50.0, false),
          new Target("search_p95_ms", "trial search p95 (100 000 trials)", "ms", 50.0, false),
          new Target(
              "direct_get_trial_rps_32",
              "GET /trials/{id} direct, 32 connections",
              "req/s",
              5_000.0,
              true),
          new Target("gateway_added_p50_ms_1", "gateway added p50, 1 connection", "ms", 0.3, false),
          new Target(
              "gateway_ratio_32", "gateway / direct throughput, 32 connections", "", 0.8, true),
          new Target("search_p95_ms_largest", "trial search p95, largest size", "ms", 100.0, false),
          new Target("summary_p95_ms_largest", "summary p95, largest size", "ms", 50.0, false),
          new Target(
              "ingest_cold_rows_per_s_100k",
              "ingest, first 100k batch after restart",
              "rows/s",
              50_000.0,
              true),
          new Target(
              "ingest_warm_rows_per_s_100k",
              "ingest, warm 100k batches (median)",
              "rows/s",
              50_000.0,
              true),
          new Target("ingest_warm_ratio_100k", "ingest warm / COPY, 100k batches", "", 0.7, true));

  /** Issue #15's targets per service: ready after start, and RSS (peak and at the end). */
  static final double STARTUP_TARGET_S = 2.0;

  static final double RSS_TARGET_MB = 250.0;

  static final List<String> SERVICES = List.of("gateway", "trial-service", "biomarker-service");

  private final Map<String, Object> figures = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> services = new LinkedHashMap<>();
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private final Map<String, Object> curves = new LinkedHashMap<>();

  void put(String key, Object value) {
    figures.put(key, value);
  }

  void service(String service, String key, Object value) {
    services.computeIfAbsent(service, s -> new LinkedHashMap<>()).put(key, value);
  }

  /** A figure measured at several sizes or loads (written under "curves"; see LoadCurve). */
  void curve(String name, Object points) {
    curves.put(name, points);
  }

  void meta(String key, Object value) {
    metadata.put(key, value);
  }

  Object figure(String key) {
    return figures.get(key);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }

  void write(Path file) throws Exception {
    ObjectNode root = BenchTrials.JSON.createObjectNode();
    for (Target t : TARGETS) {
      root.putPOJO(t.key(), figures.get(t.key()));
    }
    root.putPOJO("services", services);
    if (!curves.isEmpty()) {
      root.putPOJO("curves", curves);
    }
    root.putPOJO("metadata", metadata);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        BenchTrials.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
            + "\n");
  }

  /** The table of BENCHMARKS.md, in Markdown, so that it can be pasted as printed. */
  void print(PrintStream out) {
    out.println();
    out.println("| figure | key | value | target | met |");
    out.println("|---|---|---:|---|---|");
    for (Target t : TARGETS) {
      Object value = figures.get(t.key());
      out.printf(
          "| %s | `%s` | %s | %s | %s |%n",
          t.label(),
          t.key(),
          value == null ? "not measured" : value + (t.unit().isEmpty() ? "" : " " + t.unit()),
          t.target() == null
              ? "—"
              : (t.atLeast() ? "≥ " : "≤ ")
                  + format(t.target())
                  + (t.unit().isEmpty() ? "" : " " + t.unit()),
          verdict(t, value));
    }
    for (String service : SERVICES) {
      Map<String, Object> s = services.getOrDefault(service, Map.of());
      Object startup = s.get("startup_s");
      Object rss = s.get("rss_mb");
      Object peak = s.get("rss_peak_mb");
      out.printf(
          "| %s ready after start | `services.%s.startup_s` | %s | ≤ %s s | %s |%n",
          service,
          service,
          startup == null ? "not measured" : startup + " s",
          format(STARTUP_TARGET_S),
          verdict(STARTUP_TARGET_S, false, startup));
      out.printf(
          "| %s RSS at the end | `services.%s.rss_mb` | %s | ≤ %s MB | %s |%n",
          service,
          service,
          rss == null ? "not measured" : rss + " MB",
          format(RSS_TARGET_MB),
          verdict(RSS_TARGET_MB, false, rss));
      out.printf(
          "| %s RSS peak during the run | `services.%s.rss_peak_mb` | %s | ≤ %s MB | %s |%n",
          service,
          service,
          peak == null ? "not measured" : peak + " MB",
          format(RSS_TARGET_MB),
          verdict(RSS_TARGET_MB, false, peak));
    }
    out.println();
    metadata.forEach((k, v) -> out.printf("  %s: %s%n", k, v));
  }

  private static String verdict(Target t, Object value) {
    return t.target() == null ? "—" : verdict(t.target(), t.atLeast(), value);
  }

  private static String verdict(double target, boolean atLeast, Object value) {
    if (!(value instanceof Number number)) {
      return "—";
    }
    double v = number.doubleValue();
    return (atLeast ? v >= target : v <= target) ? "met" : "NOT met";
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
