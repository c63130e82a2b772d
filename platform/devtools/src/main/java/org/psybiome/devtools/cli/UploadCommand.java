package org.psybiome.devtools.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.psybiome.devtools.LocalKeys;
import org.psybiome.devtools.Tokens;
import org.psybiome.devtools.upload.Progress;
import org.psybiome.devtools.upload.RetryPolicy;
import org.psybiome.devtools.upload.UploadApi;
import org.psybiome.devtools.upload.UploadFormat;
import org.psybiome.devtools.upload.UploadOutcome;
import org.psybiome.devtools.upload.Uploader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code psybiome upload}: sends a results file of any size to a trial through the gateway, in
 * batches that a second run replays rather than stores again. See {@link Uploader}.
 */
@Command(
    name = "upload",
    description = {
      "Send a results file (.csv, .ndjson or .json) to a trial, in batches: every batch is checked"
          + " first (nothing is stored if any row is wrong), then stored with an Idempotency-Key"
          + " made from the file's content, so running the command again after a failure stores"
          + " nothing twice.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every batch stored or replayed (--dry-run: every batch passed its check)",
      "1:the file cannot be read, or changed while it was being sent",
      "2:a wrong option or argument",
      "3:rows refused: every error printed as FILE:LINE FIELD MESSAGE; nothing stored",
      "4:no token, or the token was refused (401) or is not a pipeline's (403)",
      "5:the gateway or service failed (5xx, 429) or did not answer, after the retries",
      "6:the trial is unknown to the token's consortium (404) or withdrawn (409)"
    })
final class UploadCommand implements Callable<Integer> {

  /** The service's row limit per batch (psybiome.biomarker.max-batch-rows). */
  static final int MAX_BATCH_ROWS = 100_000;

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(
      names = "--trial",
      required = true,
      paramLabel = "ID",
      description = "the trial's id, e.g. PSB-2026-000042")
  String trial;

  @Parameters(paramLabel = "FILE", description = "results.csv, results.ndjson or results.json")
  Path file;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      defaultValue = "http://127.0.0.1:8080",
      description = "the gateway (default: ${DEFAULT-VALUE}, the local stack)")
  URI gateway;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "a pipeline token of the trial's consortium; default: the environment variable"
              + " PSYBIOME_TOKEN")
  String token;

  @Option(
      names = "--consortium",
      paramLabel = "ID",
      description =
          "without a token, for the local stack only (a loopback --gateway): sign a pipeline"
              + " token of this consortium with the local key pair, as `token` does")
  String consortium;

  @Option(
      names = "--batch-rows",
      paramLabel = "N",
      defaultValue = "" + MAX_BATCH_ROWS,
      description = "rows per batch, 1 to the service's limit (default: ${DEFAULT-VALUE})")
  int batchRows;

  @Option(
      names = "--batch-mb",
      paramLabel = "MB",
      defaultValue = "32",
      description =
          "at most this many MB of body per batch, below the service's 64 MB limit (default:"
              + " ${DEFAULT-VALUE})")
  int batchMb;

  @Option(
      names = "--dry-run",
      description = "only check every batch with the service; store nothing")
  boolean dryRun;

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      defaultValue = "8",
      description =
          "attempts per request when the service is busy or does not answer (default:"
              + " ${DEFAULT-VALUE})")
  int maxAttempts;

  @Option(
      names = "--max-wait",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "the longest wait between two attempts (default: ${DEFAULT-VALUE})")
  int maxWait;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "how long one batch may take to be answered (default: ${DEFAULT-VALUE})")
  int timeout;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description =
          "bar (redrawn in place), lines (a line per batch) or auto: a bar when the output is a"
              + " terminal (default: ${DEFAULT-VALUE})")
  String progressMode;

  /** The environment, for PSYBIOME_TOKEN; tests give their own. */
  Function<String, String> environment = System::getenv;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<UploadFormat> format = UploadFormat.of(file);
    if (format.isEmpty()) {
      return usage(err, "FILE must end in .csv, .ndjson or .json: " + file);
    }
    if (batchRows < 1 || batchRows > MAX_BATCH_ROWS) {
      return usage(err, "--batch-rows must be 1 to " + MAX_BATCH_ROWS);
    }
    if (batchMb < 1 || batchMb > 64 || maxAttempts < 1 || maxWait < 1 || timeout < 1) {
      return usage(
          err, "--batch-mb must be 1 to 64; --max-attempts, --max-wait, --timeout at least 1");
    }
    if (!Map.of("auto", 1, "bar", 1, "lines", 1).containsKey(progressMode)) {
      return usage(err, "--progress must be auto, bar or lines");
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println("psybiome upload: cannot read " + file);
      return UploadOutcome.FILE.exitCode();
    }
    Optional<String> bearer = token();
    if (bearer.isEmpty()) {
      err.println(
          "psybiome upload: no token: pass --token or set PSYBIOME_TOKEN to a pipeline token of"
              + " the trial's consortium (for the local stack: --consortium ID, or"
              + " PSYBIOME_TOKEN=$(./psybiome token --role pipeline --consortium ID))");
      return UploadOutcome.AUTH.exitCode();
    }
    boolean bar =
        progressMode.equals("bar") || (progressMode.equals("auto") && System.console() != null);
    Progress progress = bar ? Progress.bar(out) : Progress.lines(out);
    Uploader uploader =
        new Uploader(
            UploadApi.http(gateway, bearer.get(), Duration.ofSeconds(timeout)),
            new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(maxWait)),
            // the waits the retry policy chose (Retry-After, backoff): a CLI has nothing else to
            // do meanwhile; tests give the Uploader a sleeper that records instead
            duration -> Thread.sleep(duration.toMillis()),
            Clock.systemUTC(),
            progress,
            err);
    Uploader.Summary summary =
        uploader.run(
            new Uploader.Plan(
                file, format.get(), trial, batchRows, (long) batchMb * 1024 * 1024, dryRun));
    out.println(summaryLine(summary));
    out.flush();
    if (summary.outcome() != UploadOutcome.OK) {
      err.println("psybiome upload: " + summary.message());
      err.flush();
    } else {
      out.println(summary.message());
      out.flush();
    }
    return summary.outcome().exitCode();
  }

  /**
   * "summary: 3 batches: 2 stored, 1 replayed, 0 refused; 250,000 rows; 250,000 results; 250
   * censored" (with --dry-run: "would be stored", "would be replayed").
   */
  static String summaryLine(Uploader.Summary s) {
    return String.format(
        java.util.Locale.ROOT,
        "summary: %d batches: %d stored, %d replayed, %d refused; %,d rows; %,d results (derived"
            + " included); %,d censored",
        s.batches(),
        s.stored(),
        s.replayed(),
        s.refused(),
        s.rows(),
        s.results(),
        s.censored());
  }

  private Optional<String> token() throws Exception {
    if (token != null && !token.isBlank()) {
      return Optional.of(token.strip());
    }
    String fromEnv = environment.apply("PSYBIOME_TOKEN");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Optional.of(fromEnv.strip());
    }
    // The local stack's key pair signs a token only for the local stack, and only when asked.
    if (consortium != null && isLoopback(gateway)) {
      LocalKeys keys = new LocalKeys(cli.config().keys());
      if (keys.ensure()) {
        spec.commandLine()
            .getErr()
            .println("Created a local JWT key pair; public key: " + keys.publicKey());
      }
      return Optional.of(
          Tokens.mint(
              keys,
              Tokens.DEFAULT_ISSUER,
              "pipeline@" + consortium,
              "pipeline",
              consortium,
              Duration.ofHours(8)));
    }
    return Optional.empty();
  }

  static boolean isLoopback(URI gateway) {
    try {
      return gateway.getHost() != null
          && InetAddress.getByName(gateway.getHost()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private int usage(PrintWriter err, String message) {
    err.println("psybiome upload: " + message);
    spec.commandLine().usage(err);
    return UploadOutcome.USAGE.exitCode();
  }
}
