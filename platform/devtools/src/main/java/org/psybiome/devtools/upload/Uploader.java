package org.psybiome.devtools.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Sends a results file of any size to a trial, batch by batch, so that it can be sent again after
 * any failure without storing anything twice.
 *
 * <ol>
 *   <li>The file's SHA-256 is read (a first pass): with the trial, the format and the split's
 *       limits it makes each batch's Idempotency-Key.
 *   <li>Every batch is checked with {@code POST .../results/validate} (a second pass): the service
 *       answers what storing it would, and stores nothing. Every error of every batch is printed as
 *       {@code file:line field message}; if there is one, nothing is stored. With {@code --dry-run}
 *       the upload ends here.
 *   <li>Every batch is posted to {@code POST .../results} with its key (a third pass). A batch that
 *       an earlier run stored is answered with {@code Idempotent-Replayed: true} and not stored
 *       again.
 * </ol>
 *
 * Only one batch is held at a time. If the file changes between the passes the upload stops.
 */
public final class Uploader {

  /** What to send where. */
  public record Plan(
      Path file,
      UploadFormat format,
      String trialId,
      int batchRows,
      long batchBytes,
      boolean dryRun) {}

  /** How it went: batches and rows, and how it ended. */
  public record Summary(
      UploadOutcome outcome,
      int batches,
      int stored,
      int replayed,
      int refused,
      long rows,
      long results,
      long censored,
      String message) {}

  /** Waits between attempts; tests pass one that does not. */
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UploadApi api;
  private final RetryPolicy retries;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Progress progress;
  private final PrintWriter errors;

  /** Errors without a row already printed: every batch repeats a CSV header's. */
  private final Set<String> printedGeneral = new HashSet<>();

  public Uploader(
      UploadApi api,
      RetryPolicy retries,
      Sleeper sleeper,
      Clock clock,
      Progress progress,
      PrintWriter errors) {
    this.api = api;
    this.retries = retries;
    this.sleeper = sleeper;
    this.clock = clock;
    this.progress = progress;
    this.errors = errors;
  }

  /** A failure that ends the upload: how, and what to tell the user. */
  private static final class Stop extends Exception {
    final UploadOutcome outcome;

    Stop(UploadOutcome outcome, String message) {
      super(message);
      this.outcome = outcome;
    }
  }

  /** Counts of one run. */
  private static final class Tally {
    int batches;
    int stored;
    int replayed;
    int refused;
    long rows;
    long results;
    long censored;
  }

  public Summary run(Plan plan) throws InterruptedException {
    Tally tally = new Tally();
    try {
      return upload(plan, tally);
    } catch (Stop stop) {
      progress.finish();
      return summary(stop.outcome, tally, stop.getMessage());
    } catch (IOException e) {
      progress.finish();
      return summary(
          UploadOutcome.FILE, tally, "cannot read " + plan.file() + ": " + e.getMessage());
    }
  }

  private Summary upload(Plan plan, Tally tally) throws IOException, InterruptedException, Stop {
    Path file = plan.file();
    long size = Files.size(file);
    FileTime modified = Files.getLastModifiedTime(file);
    progress.start("hashing " + file.getFileName(), -1, size);
    String sha256 = FileDigest.sha256(file, read -> {});
    progress.finish();
    String name = file.toString();

    // Check every batch; store nothing unless all pass.
    Tally check = new Tally();
    String checked =
        pass(
            plan,
            size,
            "checking",
            -1,
            (batch, key) -> check(plan, name, batch, key, check),
            sha256);
    requireUnchanged(file, size, modified, sha256, checked);
    if (check.refused > 0) {
      tally.batches = check.batches;
      tally.refused = check.refused;
      return summary(
          UploadOutcome.BAD_ROWS,
          tally,
          check.refused
              + " of "
              + check.batches
              + " batches would be refused (errors above); nothing was stored");
    }
    if (plan.dryRun()) {
      return summary(
          UploadOutcome.OK,
          check,
          "dry run: every batch passed; "
              + check.stored
              + " would be stored, "
              + check.replayed
              + " replayed (stored by an earlier run); nothing was stored");
    }

    // Store them, each with its key.
    String stored =
        pass(
            plan,
            size,
            "storing",
            check.rows,
            (batch, key) -> store(plan, name, batch, key, tally),
            sha256);
    requireUnchanged(file, size, modified, sha256, stored);
    return summary(UploadOutcome.OK, tally, "every batch is stored");
  }

  /** What a pass does with each batch. */
  private interface Step {
    void apply(Batch batch, String key) throws IOException, InterruptedException, Stop;
  }

  /** Reads the file once, a batch at a time; returns the SHA-256 of what it read. */
  private String pass(Plan plan, long size, String phase, long totalRows, Step step, String sha256)
      throws IOException, InterruptedException, Stop {
    IdempotencyKeys keys =
        new IdempotencyKeys(
            sha256, plan.trialId(), plan.format(), plan.batchRows(), plan.batchBytes());
    MessageDigest digest = FileDigest.sha256();
    progress.start(phase + " " + plan.file().getFileName(), totalRows, size);
    long rows = 0;
    try (CountingStream counted =
            new CountingStream(
                new DigestInputStream(
                    new BufferedInputStream(Files.newInputStream(plan.file()), 1 << 16), digest));
        BatchSource batches =
            BatchSource.open(plan.format(), counted, plan.batchRows(), plan.batchBytes())) {
      Batch batch;
      while (true) {
        try {
          batch = batches.next();
        } catch (FileFormatException e) {
          errors.println(plan.file() + ":" + e.line() + " - " + e.getMessage());
          errors.flush();
          throw new Stop(
              UploadOutcome.BAD_ROWS,
              "the file is not well-formed at line "
                  + e.line()
                  + "; nothing was stored"
                  + (phase.equals("storing") ? " by this pass after the batches above" : ""));
        }
        if (batch == null) {
          break;
        }
        progress.update(
            rows,
            counted.count(),
            phase
                + " batch "
                + (batch.index() + 1)
                + " (lines "
                + batch.firstLine()
                + "–"
                + batch.lastLine()
                + ")");
        step.apply(batch, keys.of(batch.index()));
        rows += batch.rows();
        progress.update(rows, counted.count(), "");
      }
      // read to the end, so that the digest covers the whole file
      counted.transferTo(OutputStreamSink.INSTANCE);
    }
    progress.finish();
    return HexFormat.of().formatHex(digest.digest());
  }

  private void check(Plan plan, String name, Batch batch, String key, Tally tally)
      throws IOException, InterruptedException, Stop {
    tally.batches++;
    tally.rows += batch.rows();
    UploadApi.Reply reply =
        exchange(
            resultsPath(plan) + "/validate",
            plan,
            batch,
            key,
            "checking batch " + (batch.index() + 1));
    if (reply.status() == 200) {
      JsonNode body = json(reply.body());
      if ("REPLAY".equals(body.path("outcome").asText())) {
        tally.replayed++;
      } else {
        tally.stored++;
      }
      tally.results += body.path("rows").asLong();
      tally.censored += body.path("censored").asLong();
      return;
    }
    if (refusesRows(reply.status())) {
      tally.refused++;
      printRowErrors(name, batch, reply);
      return;
    }
    throw failure(reply, batch);
  }

  private void store(Plan plan, String name, Batch batch, String key, Tally tally)
      throws IOException, InterruptedException, Stop {
    tally.batches++;
    UploadApi.Reply reply =
        exchange(resultsPath(plan), plan, batch, key, "batch " + (batch.index() + 1));
    if (reply.status() == 201) {
      JsonNode body = json(reply.body());
      if ("true".equalsIgnoreCase(reply.header("Idempotent-Replayed"))) {
        tally.replayed++;
      } else {
        tally.stored++;
      }
      tally.rows += batch.rows();
      tally.results += body.path("rows").asLong();
      tally.censored += body.path("censored").asLong();
      return;
    }
    if (refusesRows(reply.status())) {
      tally.refused++;
      printRowErrors(name, batch, reply);
      throw new Stop(
          UploadOutcome.BAD_ROWS,
          "batch "
              + (batch.index() + 1)
              + " was refused (errors above) although its check passed: another upload stored"
              + " some of its samples meanwhile? The batches before it are stored; a run of"
              + " the same command and file replays them");
    }
    throw failure(reply, batch);
  }

  private static boolean refusesRows(int status) {
    return status == 400 || status == 413 || status == 422;
  }

  /** Sends a batch until it is answered for good or the retries are spent. */
  private UploadApi.Reply exchange(String path, Plan plan, Batch batch, String key, String what)
      throws InterruptedException, Stop {
    for (int attempt = 1; ; attempt++) {
      UploadApi.Reply reply;
      try {
        reply = api.post(path, plan.format().contentType(), batch.body(), key);
      } catch (IOException e) {
        Optional<Duration> wait = retries.afterNoAnswer(attempt);
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (wait.isEmpty()) {
          throw new Stop(
              UploadOutcome.SERVER,
              what + ": no answer after " + attempt + " attempts (" + cause + ")" + resumeHint());
        }
        progress.note(what + ": no answer (" + cause + "); again in " + seconds(wait.get()));
        sleeper.sleep(wait.get());
        continue;
      }
      Optional<Duration> wait =
          retries.afterStatus(
              attempt, reply.status(), reply.header("Retry-After"), clock.instant());
      if (wait.isEmpty()) {
        return reply;
      }
      progress.note(
          what
              + ": "
              + reply.status()
              + " "
              + problemType(reply)
              + "; again in "
              + seconds(wait.get()));
      sleeper.sleep(wait.get());
    }
  }

  private String resumeHint() {
    return "; run the same command again to resume";
  }

  private Stop failure(UploadApi.Reply reply, Batch batch) {
    String detail = detail(reply);
    int status = reply.status();
    String where = "batch " + (batch.index() + 1) + ": " + status + " " + detail;
    if (status == 401) {
      return new Stop(
          UploadOutcome.AUTH, where + " (the token is missing, expired or not trusted)");
    }
    if (status == 403) {
      return new Stop(UploadOutcome.AUTH, where + " (results are posted with a pipeline token)");
    }
    if (status == 404 || status == 409) {
      return new Stop(UploadOutcome.TRIAL, where);
    }
    return new Stop(UploadOutcome.SERVER, where + resumeHint());
  }

  /**
   * Prints a refusal's row errors as {@code file:line field message}; errors without a row (a CSV
   * header's) are printed once per upload with the header's line.
   */
  private void printRowErrors(String name, Batch batch, UploadApi.Reply reply) {
    JsonNode problem = json(reply.body());
    JsonNode violations = problem.path("violations");
    String detail = problem.path("detail").asText(problem.path("title").asText(""));
    boolean any = false;
    for (JsonNode violation : violations) {
      String field = violation.path("field").asText("");
      String message = violation.path("message").asText("");
      if (violation.hasNonNull("row")) {
        int line = batch.lineOf(violation.get("row").asInt());
        errors.println(name + ":" + line + " " + (field.isEmpty() ? "-" : field) + " " + message);
        any = true;
      } else if (!message.equals(detail) || field.isEmpty()) {
        String text =
            name
                + ":"
                + batch.firstLineOrHeader()
                + " "
                + (field.isEmpty() ? "-" : field)
                + " "
                + message;
        if (printedGeneral.add(text)) {
          errors.println(text);
        }
        any = true;
      }
    }
    if (!any || detail.contains("not listed")) {
      errors.println(
          name
              + ":"
              + batch.firstLineOrHeader()
              + " - "
              + detail
              + " (batch "
              + (batch.index() + 1)
              + ", lines "
              + batch.firstLine()
              + "–"
              + batch.lastLine()
              + ")");
    }
    errors.flush();
  }

  private static String detail(UploadApi.Reply reply) {
    JsonNode problem = json(reply.body());
    String detail = problem.path("detail").asText("");
    return detail.isEmpty() ? problem.path("title").asText("") : detail;
  }

  private static String problemType(UploadApi.Reply reply) {
    String type = json(reply.body()).path("type").asText("");
    return type.isEmpty() ? "" : type.substring(type.lastIndexOf('/') + 1);
  }

  private static JsonNode json(String body) {
    try {
      return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static String resultsPath(Plan plan) {
    return "/api/v1/trials/" + plan.trialId() + "/results";
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void requireUnchanged(
      Path file, long size, FileTime modified, String sha256, String read)
      throws IOException, Stop {
    if (!read.equals(sha256)
        || Files.size(file) != size
        || !Files.getLastModifiedTime(file).equals(modified)) {
      throw new Stop(
          UploadOutcome.FILE,
          file + " changed while it was being sent; run again when it is complete");
    }
  }

  private static Summary summary(UploadOutcome outcome, Tally t, String message) {
    return new Summary(
        outcome,
        t.batches,
        t.stored,
        t.replayed,
        t.refused,
        t.rows,
        t.results,
        t.censored,
        message);
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends java.io.FilterInputStream {
    private long count;

    CountingStream(InputStream in) {
      super(in);
    }

    long count() {
      return count;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }

  /** Discards what is written to it. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
