package org.psybiome.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./psybiome bench [--quick] [--keep] [--clean] [--only a,b]}: runs the performance suite
 * against the running stack, prints the table and writes {@code bench/results/latest.json}. See
 * BENCHMARKS.md for what each figure measures.
 */
public final class BenchMain {

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
      int searchRequests) {}

  static final Mode FULL =
      new Mode("full", 1_000_000, 1000, 3000, 15, 300, 10_000_000, 1000, 100_000, 1000);
  static final Mode QUICK =
      new Mode("quick", 200_000, 300, 1000, 5, 200, 1_000_000, 300, 100_000, 300);

  static final List<String> PARTS =
      List.of("startup", "gateway", "events", "ingest", "summaries", "search");

  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
    Stack stack =
        Stack.local(Path.of(options.getOrDefault("state", root.resolve(".psybiome").toString())));
    Databases databases = new Databases(stack);
    if (options.containsKey("clean")) {
      new BenchCleaner(databases).removeAll();
      return;
    }
    Mode mode = options.containsKey("quick") ? QUICK : FULL;
    Set<String> parts =
        options.containsKey("only")
            ? Set.copyOf(Arrays.asList(options.get("only").split(",")))
            : Set.copyOf(PARTS);
    Path out =
        Path.of(options.getOrDefault("out", root.resolve("bench/results/latest.json").toString()));

    Report report = new Report();
    report.meta("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    report.meta("mode", mode.name());
    report.meta("git_commit", options.getOrDefault("commit", "unknown"));
    Machine.describe(report);

    Http http = new Http();
    TokenMinter minter = new TokenMinter(stack.keys());
    String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
    BenchTrials trials =
        new BenchTrials(stack, http, databases, minter, root.resolve("demo/trials"), tag);
    List<String> errors = new ArrayList<>();
    ServiceFootprint footprint = new ServiceFootprint(stack, http, report);

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
    if (parts.contains("events")) {
      attempt(
          errors,
          "events",
          () ->
              new EventLatencyBenchmark(trials, databases, report)
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
    if (parts.contains("summaries")) {
      attempt(
          errors,
          "summaries",
          () -> {
            int seeded = ResultSeeder.trialsFor(mode.summaryResults());
            long rows = new ResultSeeder(databases).seed(seeded);
            report.meta("summary_seeded_trials", seeded);
            report.meta("summary_seeded_results", rows);
            new SummaryBenchmark(http, readers, stack.gateway(), report)
                .run(seeded, Math.max(50, mode.summaryRequests() / 10), mode.summaryRequests());
          });
    }
    if (parts.contains("search")) {
      attempt(
          errors,
          "search",
          () -> {
            new TrialSeeder(databases).seed(mode.trials(), templateIds);
            TokenPool publicReaders = new TokenPool(minter, "reader", "PUBLICBENCH", 256);
            new SearchBenchmark(http, publicReaders, stack.gateway(), report)
                .run(Math.max(50, mode.searchRequests() / 10), mode.searchRequests());
          });
    }
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
    if (!options.containsKey("keep")) {
      new BenchCleaner(databases).removeAll();
    }
    if (!errors.isEmpty()) {
      System.exit(1);
    }
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

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String name = args[i].replaceFirst("^--", "");
      switch (name) {
        case "quick", "keep", "clean" -> options.put(name, "true");
        case "only", "root", "state", "out", "commit" -> options.put(name, args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    return options;
  }
}
