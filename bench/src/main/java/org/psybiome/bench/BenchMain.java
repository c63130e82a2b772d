package org.psybiome.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./psybiome bench [--quick] [--keep] [--clean] [--only a,b] [--out FILE]}: runs the
 * performance suite against the running stack, prints the table and writes {@code
 * bench/results/latest.json}. See BENCHMARKS.md for what each figure measures.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Runs the performance suite against the running stack.")
public final class BenchMain implements Callable<Integer> {

  @Option(names = "--quick", description = "smaller data")
  boolean quick;

  @Option(names = "--keep", description = "keep the seeded data for the next run")
  boolean keep;

  @Option(names = "--clean", description = "only remove what the benchmarks seeded")
  boolean clean;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      description = "some of startup,gateway,curves,events,ingest,ingest-curve,summaries,search")
  Set<String> only;

  @Option(names = "--root", defaultValue = ".", description = "the repository root")
  Path root;

  @Option(names = "--state", description = "the stack's state directory (default: ROOT/.psybiome)")
  Path state;

  @Option(names = "--out", description = "default: ROOT/bench/results/latest.json")
  Path out;

  @Option(names = "--commit", defaultValue = "unknown", description = "the commit measured")
  String commit;

  /** The sizes of a run. */
  record Mode(
      String name,
      long ingestRows,
      int gatewayWarmup,
      int gatewayPairs,
      int gatewayPhaseSeconds,
      int events,
      long summaryResults,
      int summaryRequests,
      int trials,
      int searchRequests,
      long[] searchSizes,
      long[] summarySizes,
      int[] ingestBatchSizes,
      long ingestWarmRows) {}

  static final Mode FULL =
      new Mode(
          "full",
          1_000_000,
          1000,
          3000,
          15,
          300,
          10_000_000,
          1000,
          100_000,
          1000,
          new long[] {10_000, 100_000, 1_000_000},
          new long[] {1_000_000, 10_000_000},
          new int[] {1_000, 10_000, 100_000},
          200_000);
  static final Mode QUICK =
      new Mode(
          "quick",
          200_000,
          300,
          1000,
          5,
          200,
          1_000_000,
          300,
          100_000,
          300,
          new long[] {10_000, 100_000},
          new long[] {1_000_000},
          new int[] {1_000, 10_000, 100_000},
          30_000);

  static final List<String> PARTS =
      List.of(
          "startup",
          "gateway",
          "curves",
          "events",
          "ingest",
          "ingest-curve",
          "summaries",
          "search");

  /** Participants enrolled in the trial the gateway parts read. */
  static final int READ_TRIAL_PARTICIPANTS = 120;

  /** Connections of the gateway curve (issue #15). */
  static final int[] CURVE_CONNECTIONS = {1, 8, 32, 128};

  public static void main(String[] args) {
    System.exit(new CommandLine(new BenchMain()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Path root = this.root.toAbsolutePath().normalize();
    Stack stack = Stack.local(state != null ? state : root.resolve(".psybiome"));
    Databases databases = new Databases(stack);
    if (clean) {
      new BenchCleaner(databases).removeAll();
      return 0;
    }
    Mode mode = quick ? QUICK : FULL;
    Set<String> parts = only != null ? Set.copyOf(only) : Set.copyOf(PARTS);
    Path out = this.out != null ? this.out : root.resolve("bench/results/latest.json");

    Report report = new Report();
    report.meta("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    report.meta("mode", mode.name());
    report.meta("git_commit", commit);
    Machine.describe(report);
    try (var db = databases.trial()) {
      // seeded tables are vacuumed by the seeders (Databases.settle); the rest only if this is on
      report.meta("postgres_autovacuum", Databases.autovacuum(db));
    }

    Http http = new Http();
    TokenMinter minter = new TokenMinter(stack.keys());
    String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
    BenchTrials trials =
        new BenchTrials(stack, http, databases, minter, root.resolve("demo/trials"), tag);
    List<String> errors = new ArrayList<>();
    ServiceFootprint footprint = new ServiceFootprint(stack, http, report);
    Path plots = out.toAbsolutePath().getParent().resolve("plots");
    RssSampler rss = new RssSampler(stack).start();

    if (parts.contains("startup")) {
      for (String service : List.of("trial-service", "biomarker-service", "gateway")) {
        attempt(errors, "startup " + service, () -> footprint.measureStartup(service));
      }
    }
    List<Path> templates = trials.templates();
    List<String> templateIds = new ArrayList<>();
    for (Path template : templates) {
      templateIds.add(trials.register(template, null, 100));
    }
    TokenPool readers = new TokenPool(minter, "reader", BenchTrials.CONSORTIUM, 1024);
    if (parts.contains("gateway") || parts.contains("curves")) {
      // the trial read is a recruiting one with participants, as a dashboard's would be: its
      // enrolment figures are part of every read (an empty trial's cost nothing to count)
      String read = templateIds.get(0);
      List<String> codes = new ArrayList<>();
      for (int p = 0; p < READ_TRIAL_PARTICIPANTS; p++) {
        codes.add("READ-" + tag + "-P" + p); // no date- or id-like digit runs
      }
      trials.enrolAll(read, codes, trials.armLabels(read), 4);
      report.meta("gateway_trial_participants", READ_TRIAL_PARTICIPANTS);
    }
    if (parts.contains("gateway")) {
      String path = "/api/v1/trials/" + templateIds.get(0);
      attempt(
          errors,
          "gateway",
          () ->
              new GatewayCostBenchmark(http, readers, report)
                  .run(
                      stack.trialService().resolve(path),
                      stack.gateway().resolve(path),
                      mode.gatewayWarmup(),
                      mode.gatewayPairs(),
                      mode.gatewayPhaseSeconds()));
    }
    if (parts.contains("curves")) {
      String path = "/api/v1/trials/" + templateIds.get(0);
      attempt(
          errors,
          "curves",
          () ->
              gatewayCurve(
                  mode, stack, path, readers.next(), out.toAbsolutePath().getParent(), report));
    }
    if (parts.contains("events")) {
      attempt(
          errors,
          "events",
          () ->
              new EventLatencyBenchmark(trials, databases, report, stack)
                  .run(templates.get(0), mode.events()));
    }
    if (parts.contains("ingest")) {
      attempt(
          errors,
          "ingest",
          () ->
              new IngestionBenchmark(trials, databases, http, minter, report)
                  .run(mode.ingestRows(), templates.get(templates.size() - 1)));
    }
    if (parts.contains("ingest-curve")) {
      attempt(
          errors,
          "ingest-curve",
          () ->
              new IngestionCurve(trials, databases, http, minter, footprint, report)
                  .run(
                      mode.ingestBatchSizes(),
                      mode.ingestWarmRows(),
                      templates.get(templates.size() - 1),
                      plots));
    }
    if (parts.contains("summaries")) {
      attempt(
          errors,
          "summaries",
          () -> summaries(mode, databases, http, readers, stack, report, plots));
    }
    if (parts.contains("search")) {
      attempt(
          errors,
          "search",
          () -> {
            TrialSeeder seeder = new TrialSeeder(databases);
            TokenPool publicReaders = new TokenPool(minter, "reader", "PUBLICBENCH", 256);
            SearchBenchmark search =
                new SearchBenchmark(http, publicReaders, stack.gateway(), report);
            int requests = mode.searchRequests();
            new SizeCurve("search", "Trial search through the gateway", "trials registered")
                .run(
                    mode.searchSizes(),
                    size -> seeder.seed((int) size, templateIds),
                    (size, run) -> {
                      // the first run at a size warms the caches for its new rows
                      var figures =
                          search.measure(run == 0 ? Math.max(50, requests / 5) : 20, requests);
                      return new SizeCurve.Run(figures.p50Ms(), figures.p95Ms(), figures);
                    },
                    (size, median) -> {
                      if (size == mode.trials()) {
                        SearchBenchmark.report((SearchBenchmark.Figures) median.details(), report);
                      }
                      if (size == mode.searchSizes()[mode.searchSizes().length - 1]) {
                        report.put("search_p95_ms_largest", Report.round(median.p95Ms(), 2));
                        report.meta("search_largest_trials", size);
                      }
                    },
                    report,
                    plots);
          });
    }
    rss.close();
    rss.report(report);
    for (String service : Report.SERVICES) {
      attempt(errors, "rss " + service, () -> footprint.measureRss(service));
    }
    attempt(errors, "row counts", () -> counts(databases, report));
    report.meta("load_average_at_end", Machine.loadAverage());
    if (!errors.isEmpty()) {
      report.meta("errors", errors);
    }
    report.print(System.out);
    report.write(out);
    System.out.println("\nWritten to " + out);
    if (!keep) {
      new BenchCleaner(databases).removeAll();
    }
    return errors.isEmpty() ? 0 : 1;
  }

  /**
   * GET of one trial, direct and through the gateway, at 1/8/32/128 connections, from a load
   * generator in a process of its own (LoadCurve), with one reader token: the gateway's rate limits
   * must be raised for it (BENCHMARKS.md). Written under curves.gateway_get_trial, plotted to
   * plots/gateway-get-trial-{rps,p50}.png beside the output file.
   */
  private static void gatewayCurve(
      Mode mode, Stack stack, String path, String token, Path outDir, Report report)
      throws Exception {
    int seconds = mode.gatewayPhaseSeconds();
    LoadCurve curve =
        new LoadCurve(
            3, seconds, Math.max(2, seconds / 2), new CpuTimes(stack, "gateway", "trial-service"));
    // both paths warm before either curve: the gateway's exchanges run trial-service's code too
    curve.warmUp("curve direct", stack.trialService().resolve(path), token, 32, 2 * seconds);
    curve.warmUp("curve gateway", stack.gateway().resolve(path), token, 32, 2 * seconds);
    java.time.Duration compiling =
        JitQuiet.await(stack, java.time.Duration.ofMinutes(3), "gateway", "trial-service");
    Progress.say("curves: compilers quiet after %d s more", compiling.toSeconds());
    var direct =
        curve.measure("curve direct", stack.trialService().resolve(path), token, CURVE_CONNECTIONS);
    var gateway =
        curve.measure("curve gateway", stack.gateway().resolve(path), token, CURVE_CONNECTIONS);
    java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
    figures.put("request", "GET " + path + " with one reader token");
    figures.put("generator", curve.generator());
    figures.put("runs_per_point", 3);
    figures.put("seconds_per_run", seconds);
    figures.put("waited_for_compilers_s", compiling.toSeconds());
    figures.put("direct", direct);
    figures.put("gateway", gateway);
    report.curve("gateway_get_trial", figures);
    double direct32 = median(direct, 32, "rps");
    report.put("direct_get_trial_rps_32", Math.round(direct32));
    report.put("gateway_ratio_32", Report.round(median(gateway, 32, "rps") / direct32, 3));
    report.put(
        "gateway_added_p50_ms_1",
        Report.round(median(gateway, 1, "p50_ms") - median(direct, 1, "p50_ms"), 3));
    // With both cores busy, throughput goes as 1 / (CPU per request of every part): the ratio the
    // gateway can reach on this machine is at most the direct path's total over the gateway's.
    double directCpu = totalCpu(direct, 32);
    double gatewayCpu = totalCpu(gateway, 32);
    report.meta("gateway_cpu_us_per_request_32", cpuOf(gateway, 32, "gateway"));
    if (directCpu > 0 && gatewayCpu > 0) {
      report.meta("gateway_ratio_cpu_bound_32", Report.round(directCpu / gatewayCpu, 3));
    }
    Path plots = outDir.resolve("plots");
    for (String figure : List.of("rps", "p50_ms")) {
      var series = CurvePlot.series();
      series.put("trial-service direct", CurvePlot.fromCurve(direct, figure));
      series.put("through the gateway", CurvePlot.fromCurve(gateway, figure));
      CurvePlot.write(
          plots.resolve("gateway-get-trial-" + figure.replace("_ms", "") + ".png"),
          "GET /trials/{id}: "
              + (figure.equals("rps") ? "throughput" : "p50 latency")
              + " (median of 3 runs, min-max bars)",
          "connections (" + curve.generator() + ")",
          figure.equals("rps") ? "requests/s" : "ms",
          series);
    }
  }

  /** CPU per request of one part at a point (median of its runs); -1 if not measured. */
  @SuppressWarnings("unchecked")
  static double cpuOf(List<java.util.Map<String, Object>> curve, int connections, String part) {
    for (var point : curve) {
      if (((Number) point.get("connections")).intValue() == connections
          && point.get("cpu_us_per_request") instanceof java.util.Map<?, ?> cpu
          && cpu.get(part) instanceof java.util.Map<?, ?> stat) {
        return ((java.util.Map<String, Double>) stat).get("median");
      }
    }
    return -1;
  }

  /** All parts' CPU per request at a point; -1 if any part is unknown. */
  static double totalCpu(List<java.util.Map<String, Object>> curve, int connections) {
    double total = 0;
    for (String part : List.of("generator", "gateway", "trial-service", "postgresql")) {
      double us = cpuOf(curve, connections, part);
      if (us < 0) {
        return -1;
      }
      total += us;
    }
    return total;
  }

  /**
   * Summaries at 1M then 10M stored results (full mode): the seeded trials are topped up, three
   * runs at each size; the mode's own size also fills the top-level summary keys.
   */
  private static void summaries(
      Mode mode,
      Databases databases,
      Http http,
      TokenPool readers,
      Stack stack,
      Report report,
      Path plots)
      throws Exception {
    ResultSeeder seeder = new ResultSeeder(databases);
    SummaryBenchmark summaries = new SummaryBenchmark(http, readers, stack.gateway(), report);
    int requests = mode.summaryRequests();
    new SizeCurve("summaries", "Summaries and analyses through the gateway", "results stored")
        .run(
            mode.summarySizes(),
            size -> seeder.seed(ResultSeeder.trialsFor(size)),
            (size, run) -> {
              var figures =
                  summaries.measure(
                      ResultSeeder.trialsFor(size),
                      run == 0 ? Math.max(50, requests / 10) : 20,
                      requests);
              return new SizeCurve.Run(figures.p50Ms(), figures.p95Ms(), figures);
            },
            (size, median) -> {
              if (size == mode.summaryResults()) {
                int seeded = ResultSeeder.trialsFor(size);
                report.meta("summary_seeded_trials", seeded);
                report.meta(
                    "summary_seeded_results",
                    (long) seeded
                        * ResultSeeder.PARTICIPANTS
                        * ResultSeeder.rows(0).rowsPerParticipant());
                SummaryBenchmark.report((SummaryBenchmark.Figures) median.details(), report);
              }
              if (size == mode.summarySizes()[mode.summarySizes().length - 1]) {
                report.put("summary_p95_ms_largest", Report.round(median.p95Ms(), 2));
                report.meta("summary_largest_results", size);
              }
            },
            report,
            plots);
  }

  /** The median of a figure at a connection count of a curve. */
  @SuppressWarnings("unchecked")
  static double median(List<java.util.Map<String, Object>> curve, int connections, String figure) {
    return curve.stream()
        .filter(p -> ((Number) p.get("connections")).intValue() == connections)
        .map(p -> ((java.util.Map<String, Double>) p.get(figure)).get("median"))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no point at " + connections));
  }

  /** A benchmark that fails is reported, and the others still run. */
  interface Part {
    void run() throws Exception;
  }

  private static void attempt(List<String> errors, String name, Part part) {
    try {
      part.run();
    } catch (Exception | Error e) {
      Progress.say("%s FAILED: %s", name, e);
      e.printStackTrace();
      errors.add(name + ": " + e);
    }
  }

  private static void counts(Databases databases, Report report) throws Exception {
    try (Connection biomarker = databases.biomarker();
        Connection trial = databases.trial()) {
      report.meta(
          "results_stored_at_end", Databases.count(biomarker, "SELECT count(*) FROM result"));
      report.meta("trials_stored_at_end", Databases.count(trial, "SELECT count(*) FROM trial"));
      try (var version = trial.createStatement().executeQuery("SHOW server_version")) {
        version.next();
        report.meta("postgresql", version.getString(1));
      }
    }
  }
}
