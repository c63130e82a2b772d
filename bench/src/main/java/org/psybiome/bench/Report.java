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

  static final List<Target> TARGETS =
      List.of(
          new Target("ingest_rows_per_s", "ingest through gateway", "rows/s", null, true),
          new Target("copy_rows_per_s", "raw COPY, same rows", "rows/s", null, true),
          new Target("ingest_ratio", "ingest / COPY", "", 0.5, true),
          new Target("gateway_p50_added_ms", "gateway added p50 (1 client)", "ms", 0.5, false),
          new Target("gateway_p99_added_ms", "gateway added p99 (1 client)", "ms", null, false),
          new Target("gateway_throughput_ratio", "gateway/direct throughput (32)", "", 0.75, true),
          new Target("event_latency_p50_ms", "event commit->consumer p50", "ms", null, false),
          new Target("event_latency_p99_ms", "event commit->consumer p99", "ms", 250.0, false),
          new Target("summary_p50_ms", "summary p50", "ms", null, false),
          new Target("summary_p95_ms", "summary p95", "ms", 50.0, false),
          new Target("search_p95_ms", "trial search p95", "ms", 50.0, false));

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
      out.printf(
          "| %s ready after start | `services.%s.startup_s` | %s | ≤ 3 s | %s |%n",
          service,
          service,
          startup == null ? "not measured" : startup + " s",
          verdict(3.0, false, startup));
      out.printf(
          "| %s RSS after warm-up | `services.%s.rss_mb` | %s | ≤ 300 MB | %s |%n",
          service, service, rss == null ? "not measured" : rss + " MB", verdict(300.0, false, rss));
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
