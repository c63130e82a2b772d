package org.psybiome.devtools.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uploader against a fake service that keeps batches by Idempotency-Key, as the real one. */
class UploaderTest {

  @TempDir Path dir;

  /**
   * Stores a batch per key; a CSV row containing BAD is refused as the service refuses a value; a
   * row with "<" is censored. {@code script} answers the next requests instead, before or after
   * storing.
   */
  private static final class FakeService implements UploadApi {
    final Map<String, byte[]> stored = new HashMap<>();
    final List<String> requests = new ArrayList<>();
    final Deque<String> script = new ArrayDeque<>();

    @Override
    public Reply post(String path, String contentType, byte[] body, String key) throws IOException {
      boolean check = path.endsWith("/validate");
      requests.add((check ? "check " : "post ") + key.substring(0, 8));
      String next = script.poll();
      if ("timeout".equals(next)) {
        throw new HttpTimeoutException("request timed out");
      }
      if ("503".equals(next)) {
        return new Reply(
            503, Map.of("retry-after", List.of("7")), problem(503, "service-unavailable", "[]"));
      }
      String[] lines = new String(body, StandardCharsets.UTF_8).split("\n");
      List<String> violations = new ArrayList<>();
      if (lines[0].contains("bogus")) {
        violations.add("{\"field\":\"bogus\",\"message\":\"unknown column\"}");
      }
      int censored = 0;
      for (int row = 1; row < lines.length; row++) {
        if (lines[row].contains("BAD")) {
          violations.add(
              "{\"field\":\"value\",\"message\":\"must be a decimal number\",\"row\":" + row + "}");
        }
        if (lines[row].contains("JUNK")) {
          violations.add("{\"field\":\"\",\"message\":\"is not well-formed\",\"row\":" + row + "}");
        }
        if (lines[row].contains("<")) {
          censored++;
        }
      }
      String summary =
          "{\"rows\":" + (lines.length - 1) + ",\"censored\":" + censored + ",\"outcome\":\"%s\"}";
      if (stored.containsKey(key)) {
        return check
            ? new Reply(200, Map.of(), summary.formatted("REPLAY"))
            : new Reply(201, Map.of("idempotent-replayed", List.of("true")), summary.formatted(""));
      }
      if (!violations.isEmpty()) {
        return new Reply(422, Map.of(), problem(422, "unprocessable", violations.toString()));
      }
      if (check) {
        return new Reply(200, Map.of(), summary.formatted("STORE"));
      }
      stored.put(key, body);
      if ("502-after-storing".equals(next)) {
        return new Reply(502, Map.of(), problem(502, "outcome-unknown", "[]"));
      }
      return new Reply(201, Map.of(), summary.formatted(""));
    }

    private static String problem(int status, String type, String violations) {
      return "{\"type\":\"https://psybiome.org/problems/"
          + type
          + "\",\"title\":\"t\",\"status\":"
          + status
          + ",\"detail\":\"d\",\"violations\":"
          + violations
          + "}";
    }
  }

  private final List<Duration> slept = new ArrayList<>();
  private final StringWriter errors = new StringWriter();
  private final StringWriter output = new StringWriter();

  private Uploader uploader(FakeService service) {
    return new Uploader(
        service,
        RetryPolicy.DEFAULT,
        slept::add,
        Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC),
        Progress.lines(new PrintWriter(output, true)),
        new PrintWriter(errors, true));
  }

  private Path csv(String... rows) throws IOException {
    Path file = dir.resolve("results.csv");
    Files.writeString(file, "participant,value\n" + String.join("\n", rows) + "\n");
    return file;
  }

  private static Uploader.Plan plan(Path file, int rows, boolean dryRun) {
    return new Uploader.Plan(file, UploadFormat.CSV, "PSB-1", rows, 1 << 20, dryRun);
  }

  @Test
  void aFileIsCheckedWholeThenStoredAndASecondRunReplaysEveryBatch() throws Exception {
    Path file = csv("P1,1", "P2,<0.5", "P3,2", "P4,3", "P5,4");
    FakeService service = new FakeService();

    Uploader.Summary first = uploader(service).run(plan(file, 2, false));
    assertEquals(UploadOutcome.OK, first.outcome());
    assertEquals(3, first.stored());
    assertEquals(0, first.replayed());
    assertEquals(5, first.rows());
    assertEquals(1, first.censored());
    // every batch is checked before the first is stored
    assertEquals(
        List.of("check", "check", "check", "post", "post", "post"),
        service.requests.stream().map(r -> r.split(" ")[0]).toList());

    Uploader.Summary again = uploader(service).run(plan(file, 2, false));
    assertEquals(UploadOutcome.OK, again.outcome());
    assertEquals(0, again.stored());
    assertEquals(3, again.replayed());
    assertEquals(3, service.stored.size());
  }

  @Test
  void badRowsAreAllListedWithTheirFileLinesAndNothingIsStored() throws Exception {
    // lines: 1 header, 2 P1, 3 P2 BAD, 4 P3, 5 P4 BAD, 6 P5 BAD
    Path file = csv("P1,1", "P2,BAD", "P3,2", "P4,BAD", "P5,BAD");
    FakeService service = new FakeService();

    Uploader.Summary summary = uploader(service).run(plan(file, 2, false));

    assertEquals(UploadOutcome.BAD_ROWS, summary.outcome());
    assertEquals(3, summary.refused()); // batches of lines 2-3, 4-5 and 6: each has a bad row
    assertTrue(service.stored.isEmpty());
    String f = file.toString();
    assertEquals(
        f
            + ":3 value must be a decimal number\n"
            + f
            + ":5 value must be a decimal number\n"
            + f
            + ":6 value must be a decimal number\n",
        errors.toString());
  }

  @Test
  void aDryRunChecksEveryBatchAndStoresNothing() throws Exception {
    FakeService service = new FakeService();
    Uploader.Summary summary = uploader(service).run(plan(csv("P1,1", "P2,2", "P3,3"), 2, true));
    assertEquals(UploadOutcome.OK, summary.outcome());
    assertEquals(2, summary.stored()); // would be stored
    assertTrue(service.stored.isEmpty());
    assertTrue(service.requests.stream().allMatch(r -> r.startsWith("check")));
  }

  @Test
  void busyAnswersTimeoutsAndLostAnswersAreRetriedWithTheSameKey() throws Exception {
    FakeService service = new FakeService();
    Path file = csv("P1,1", "P2,2");
    // check: a 503 with Retry-After 7, then a timeout; post: stored, but the answer is lost (502)
    service.script.addAll(List.of("503", "timeout", "ok", "502-after-storing"));

    Uploader.Summary summary = uploader(service).run(plan(file, 2, false));

    assertEquals(UploadOutcome.OK, summary.outcome(), summary.message());
    // Retry-After: 7 s; the timeout is the 2nd attempt: 2 s; the lost answer's 1st attempt: 1 s
    assertEquals(
        List.of(Duration.ofSeconds(7), Duration.ofSeconds(2), Duration.ofSeconds(1)), slept);
    // the 502's retry carried the same key and was answered as a replay: stored once
    List<String> posts = service.requests.stream().filter(r -> r.startsWith("post")).toList();
    assertEquals(2, posts.size());
    assertEquals(posts.get(0), posts.get(1));
    assertEquals(1, service.stored.size());
    assertEquals(1, summary.replayed());
    assertEquals(0, summary.stored());
  }

  @Test
  void retriesEnd() throws Exception {
    FakeService service = new FakeService();
    for (int i = 0; i < 8; i++) {
      service.script.add("timeout");
    }
    Uploader.Summary summary = uploader(service).run(plan(csv("P1,1"), 2, false));
    assertEquals(UploadOutcome.SERVER, summary.outcome());
    assertEquals(8, service.requests.size());
    assertEquals(7, slept.size());
  }

  @Test
  void aFileThatIsNotWellFormedStopsTheCheckAtItsLine() throws Exception {
    Path file = dir.resolve("r.csv");
    Files.writeString(file, "participant,value\nP1,1\nP2,\"open\n");
    FakeService service = new FakeService();
    Uploader.Summary summary = uploader(service).run(plan(file, 1, false));
    assertEquals(UploadOutcome.BAD_ROWS, summary.outcome());
    assertTrue(errors.toString().startsWith(file + ":3 - a quoted field is not closed"));
    assertTrue(service.stored.isEmpty());
  }

  @Test
  void anErrorOfAWholeRowHasNoFieldAndAHeadersErrorIsPrintedOnceAtItsLine() throws Exception {
    Path file = dir.resolve("r.csv");
    Files.writeString(file, "participant,bogus\nP1,1\nP2,JUNK\nP3,3\n");
    Uploader.Summary summary = uploader(new FakeService()).run(plan(file, 2, false));
    assertEquals(UploadOutcome.BAD_ROWS, summary.outcome());
    // both batches repeat the header and its error; it is printed once, at line 1
    assertEquals(
        file + ":1 bogus unknown column\n" + file + ":3 - is not well-formed\n", errors.toString());
  }
}
