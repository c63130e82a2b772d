package org.psybiome.systemtests.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.TestTokens;

/**
 * {@code ./psybiome upload} against the packaged stack, run as a process of its own (the CLI's main
 * class on this JVM's class path), as a pipeline runs it: a 250 000-row file is stored as three
 * batches; killed after its first batch and run again, every row is stored once; a file with bad
 * rows stores nothing and lists every error with its line.
 */
@ExtendWith(StackExtension.class)
class UploaderIT {

  private static final int ROWS = 250_000;
  private static final List<String> VISITS = List.of("W0", "W4", "W8");
  private static final Pattern SUMMARY =
      Pattern.compile(
          "summary: (\\d+) batches: (\\d+) stored, (\\d+) replayed, (\\d+) refused; ([\\d,]+)"
              + " rows; ([\\d,]+) results \\(derived included\\); ([\\d,]+) censored");

  private static TestTrial trial;

  @TempDir static Path dir;

  @BeforeAll
  static void trial(PsybiomeStack stack) {
    Trials trials = new Trials(stack.gatewayUri());
    trial = trials.recruiting(stack.root(), "UPLOADS", 2);
    trials.awaitKnownToBiomarker(trial);
  }

  @Test
  void aQuarterMillionRowsAreStoredAsThreeBatchesOnceThoughTheFirstRunIsKilled(PsybiomeStack stack)
      throws Exception {
    Path file = dir.resolve("results.csv");
    // row i: participant i mod 4, visit i mod 3, its own sample; every 1 000th row (i = 0, 1 000,
    // ..., 249 000) is reported as "< 0.5": 250 000 / 1 000 = 250 censored results
    try (BufferedWriter out = Files.newBufferedWriter(file)) {
      out.write("participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n");
      for (int i = 0; i < ROWS; i++) {
        boolean censored = i % 1000 == 0;
        out.write(
            trial.participants().get(i % trial.participants().size()).code()
                + ","
                + VISITS.get(i % VISITS.size())
                + ",UP-"
                + i
                + ",2026-02-01T08:00:00Z,IL6,"
                + (censored ? "0.5" : Double.toString(1 + (i % 250) / 10.0))
                + ",pg/mL,"
                + (censored ? "<" : "")
                + "\n");
      }
    }

    // the first run is killed (SIGKILL, no chance to tidy up) once its first batch is stored
    Process first = upload(stack, file, List.of(), "first");
    await("the first run stores its first batch")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> batches(stack).size() >= 1 || !first.isAlive());
    assertThat(first.isAlive()).as("killed half-way, not after finishing").isTrue();
    first.destroyForcibly();
    assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
    // a batch is stored whole or not at all: what the kill left is one or two whole batches
    int storedBeforeRerun = batches(stack).size();
    assertThat(storedBeforeRerun).isBetween(1, 2);
    assertThat(rows(stack)).isEqualTo(100_000L * storedBeforeRerun);

    Process second = upload(stack, file, List.of(), "second");
    assertThat(second.waitFor(4, TimeUnit.MINUTES)).isTrue();
    String output = Files.readString(dir.resolve("second.out"));
    assertThat(second.exitValue())
        .as(output + Files.readString(dir.resolve("second.err")))
        .isZero();

    Matcher summary = SUMMARY.matcher(output);
    assertThat(summary.find()).as(output).isTrue();
    int stored = Integer.parseInt(summary.group(2));
    int replayed = Integer.parseInt(summary.group(3));
    assertThat(summary.group(1)).isEqualTo("3");
    // the batches the first run stored are replayed (one it was sending when killed may have
    // been stored by the service after the kill), the rest stored now
    assertThat(replayed).isGreaterThanOrEqualTo(storedBeforeRerun);
    assertThat(stored + replayed).isEqualTo(3);
    assertThat(summary.group(4)).isEqualTo("0");
    assertThat(summary.group(5)).isEqualTo("250,000");
    assertThat(summary.group(6)).isEqualTo("250,000");
    assertThat(summary.group(7)).isEqualTo("250");

    // every row stored exactly once, in three batches of 100 000, 100 000 and 50 000
    assertThat(rows(stack)).isEqualTo(ROWS);
    assertThat(
            count(
                stack,
                "SELECT count(DISTINCT sample_id) FROM result WHERE trial_id = ?"
                    + " AND sample_id LIKE 'UP-%'"))
        .isEqualTo(ROWS);
    assertThat(
            count(
                stack,
                "SELECT count(*) FROM result WHERE trial_id = ?"
                    + " AND sample_id LIKE 'UP-%' AND censored"))
        .isEqualTo(250);
    assertThat(batches(stack)).containsExactlyInAnyOrder(100_000L, 100_000L, 50_000L);
  }

  @Test
  void aFileWithBadRowsStoresNothingAndListsEveryErrorWithItsLine(PsybiomeStack stack)
      throws Exception {
    String p0 = trial.participants().get(0).code();
    String p1 = trial.participants().get(1).code();
    Path file = dir.resolve("bad.csv");
    Files.writeString(
        file,
        "participant,visit,sampleId,collectedAt,analyte,value,unit,assayKit\n" // line 1
            + p0
            + ",W0,BAD-1,2026-02-01T08:00:00Z,IL6,2.5,pg/mL,\n" // 2: fine
            + p0
            + ",W0,BAD-2,2026-02-01T08:00:00Z,IL6,abc,pg/mL,\n" // 3: value
            + p1
            + ",W9,BAD-3,2026-02-01T08:00:00Z,IL6,2.5,pg/mL,\n" // 4: visit
            + "\n" // 5: blank
            + p1
            + ",W0,BAD-4,2026-02-01T08:00:00Z,IL6,2.5,pg/mL,\"Kit A\n" // 6: fine, and
            + "lot 7\"\n" // 7: its quoted field goes on
            + "NOPE-1,W0,BAD-5,2026-02-01T08:00:00Z,IL6,2.5,pg/mL,\n" // 8: participant
            + p0
            + ",W0,BAD-6,2026-02-01T08:00:00Z,IL6,2.5,pg/mL,\n"); // 9: fine
    // three rows a batch: lines 2-4 and 6-9, so the errors come from both batches
    for (String run : List.of("dry", "bad")) {
      List<String> options = new ArrayList<>(List.of("--batch-rows", "3"));
      if (run.equals("dry")) {
        options.add("--dry-run");
      }
      Process upload = upload(stack, file, options, run);
      assertThat(upload.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(upload.exitValue()).as(run).isEqualTo(3);
      List<String> errors =
          Files.readAllLines(dir.resolve(run + ".err")).stream()
              .filter(line -> line.startsWith(file.toString()))
              .toList();
      assertThat(errors)
          .as(run)
          .containsExactly(
              file + ":3 value must be a decimal number",
              file + ":4 visit is not a visit of the trial's schedule",
              file + ":8 participant is not a participant of " + trial.id());
      assertThat(Files.readString(dir.resolve(run + ".out")))
          .contains("summary: 2 batches: 0 stored, 0 replayed, 2 refused");
    }
    assertThat(
            count(
                stack,
                "SELECT count(*) FROM result WHERE trial_id = ?" + " AND sample_id LIKE 'BAD-%'"))
        .isZero();
  }

  /** {@code psybiome upload --trial ID FILE} as a process, output to NAME.out and NAME.err. */
  private static Process upload(PsybiomeStack stack, Path file, List<String> options, String name)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.psybiome.devtools.cli.PsybiomeCli",
                "upload",
                "--trial",
                trial.id(),
                "--gateway",
                stack.gatewayUri().toString(),
                "--progress",
                "lines"));
    command.addAll(options);
    command.add(file.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(dir.resolve(name + ".out").toFile())
            .redirectError(dir.resolve(name + ".err").toFile());
    builder.environment().put("PSYBIOME_TOKEN", TestTokens.token("pipeline", "UPLOADS"));
    return builder.start();
  }

  /** The rows of each batch of the trial the uploads stored (not the readiness probe's). */
  private static List<Long> batches(PsybiomeStack stack) throws Exception {
    List<Long> rows = new ArrayList<>();
    try (Connection db = stack.biomarkerDatabase().connectAsOwner();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT count(*) FROM result WHERE trial_id = ? AND sample_id LIKE 'UP-%'"
                    + " GROUP BY batch_id")) {
      select.setString(1, trial.id());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          rows.add(rs.getLong(1));
        }
      }
    }
    return rows;
  }

  private static long rows(PsybiomeStack stack) throws Exception {
    return count(stack, "SELECT count(*) FROM result WHERE trial_id = ? AND sample_id LIKE 'UP-%'");
  }

  private static long count(PsybiomeStack stack, String sql) throws Exception {
    try (Connection db = stack.biomarkerDatabase().connectAsOwner();
        PreparedStatement select = db.prepareStatement(sql)) {
      select.setString(1, trial.id());
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
