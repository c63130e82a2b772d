package org.psybiome.systemtests.corpus;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * More than a thousand generated bad requests over every operation of api/openapi.json, through the
 * gateway: each is answered with the status the API documents for its kind of mistake (see {@link
 * CorpusGenerator}) as a problem (never a 5xx, a stack trace or a class name), and neither database
 * changes — no row, no checksum, no sequence. At least half are writes with a valid token of a role
 * allowed to write, aimed at a resource that exists, so that they reach the checks of their body.
 * The corpus is the same on every run ({@link #SEED}); no two requests are alike.
 */
@ExtendWith(StackExtension.class)
class BadInputCorpusIT {

  private static final long SEED = 20_261_126L;

  /** Requests per read operation, and per write operation (plus an oversized body each). */
  private static final int PER_READ = 12;

  private static final int PER_WRITE = 52;
  private static final String CONSORTIUM = "CORPUS";

  /** What a leaked stack trace or internal name looks like in a body. */
  private static final Pattern LEAK =
      Pattern.compile(
          "(\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Exception\\b|\\b(java|javax|jakarta|org|com|io)\\.[a-z]+\\.[a-z]*\\.?[A-Z]\\w*|\\bSQLState\\b|\\bERROR: )");

  private static PsybiomeStack stack;
  private static CorpusGenerator.Fixtures fixtures;

  @BeforeAll
  static void fixtures(PsybiomeStack running) {
    stack = running;
    Trials trials = new Trials(stack.gatewayUri());
    TestTrial trial = trials.recruiting(stack.root(), CONSORTIUM, 1);
    trials.awaitKnownToBiomarker(trial);
    TestTrial draft = trials.draft(stack.root(), CONSORTIUM);
    String batch =
        given()
            .baseUri(stack.gatewayUri().toString())
            .header("Authorization", Tokens.bearer("pipeline", CONSORTIUM))
            .contentType("text/csv")
            .body(
                "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                    + trial.participants().get(0).code()
                    + ",W0,CORPUS-FIXTURE,2026-01-05T08:00:00Z,IL10,1.0,pg/mL\n")
            .post("/api/v1/trials/" + trial.id() + "/results")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getString("id");
    String result =
        given()
            .baseUri(stack.gatewayUri().toString())
            .header("Authorization", Tokens.bearer("pipeline", CONSORTIUM))
            .get("/api/v1/trials/" + trial.id() + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("items[0].id");
    String etag =
        given()
            .baseUri(stack.gatewayUri().toString())
            .get("/api/v1/trials/" + trial.id())
            .header("ETag");
    String gateway = stack.gatewayUri().toString();
    fixtures =
        new CorpusGenerator.Fixtures(
            trial.id(),
            etag,
            draft.id(),
            batch,
            trial.participants().get(0).code(),
            result,
            Trials.record(stack.root()),
            (ObjectNode)
                Trials.parse(given().baseUri(gateway).get("/api/v1/analytes/IL6").asString()),
            (ObjectNode)
                Trials.parse(
                    given().baseUri(gateway).get("/api/v1/panels/INFLAMMATION").asString()),
            role -> Tokens.bearer("corpus-" + role, role, CONSORTIUM));
  }

  @Test
  void everyBadRequestIsRefusedAsDocumentedAndChangesNothing() throws Exception {
    List<BadRequest> generated = new CorpusGenerator(SEED, fixtures).generate(PER_READ, PER_WRITE);
    Map<String, Integer> withheld = new TreeMap<>();
    List<BadRequest> corpus = new ArrayList<>();
    for (BadRequest request : generated) {
      KnownDefects.hitBy(request)
          .ifPresentOrElse(
              defect -> withheld.merge(defect.id(), 1, Integer::sum), () -> corpus.add(request));
    }
    assertThat(corpus).hasSizeBetween(1000, 3000);
    assertThat(corpus.stream().map(BadRequest::identity).distinct().count())
        .as("no two requests alike (method, path, headers and body)")
        .isEqualTo(corpus.size());
    long reachingBodies =
        corpus.stream()
            .filter(r -> r.reachesBody() && !r.method().equals("GET"))
            .peek(
                r ->
                    assertThat(CorpusGenerator.BODY_KINDS)
                        .as("a write that reaches its body's checks: %s", r)
                        .contains(r.kind()))
            .count();
    assertThat(2 * reachingBodies)
        .as("writes that reach the checks of their body: at least half the corpus")
        .isGreaterThanOrEqualTo(corpus.size());
    Set<String> covered = new TreeSet<>();
    corpus.forEach(r -> covered.add(r.operation()));
    Set<String> documented = ApiOperations.of(stack.root());
    assertThat(covered)
        .as("operations the corpus names that the API document has")
        .isSubsetOf(documented);
    Set<String> uncovered = new TreeSet<>(documented);
    uncovered.removeAll(covered);
    assertThat(uncovered)
        .as("operations of api/openapi.json without bad requests in the corpus")
        .isEqualTo(NOT_MUTATED.keySet());

    DatabaseFingerprint trialBefore = quiescentFingerprint(stack.trialDatabase());
    DatabaseFingerprint biomarkerBefore = quiescentFingerprint(stack.biomarkerDatabase());

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    Map<String, Map<Integer, Integer>> byKind = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    long started = System.nanoTime();
    for (BadRequest bad : corpus) {
      HttpResponse<String> response = send(http, bad);
      byOperation
          .computeIfAbsent(bad.operation(), e -> new TreeMap<>())
          .merge(response.statusCode(), 1, Integer::sum);
      byKind
          .computeIfAbsent(bad.kind() + " " + bad.expected(), e -> new TreeMap<>())
          .merge(response.statusCode(), 1, Integer::sum);
      String problem = judge(bad, response);
      if (problem != null) {
        failures.add(problem + " ← " + bad + " → " + abbreviate(response.body()));
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    print(byOperation, byKind, corpus.size(), reachingBodies, covered.size(), took, withheld);

    assertThat(failures).as("bad requests not refused as documented").isEmpty();
    assertThat(quiescentFingerprint(stack.trialDatabase()).differences(trialBefore))
        .as("trial-service database: tables and sequences changed by the corpus")
        .isEmpty();
    assertThat(quiescentFingerprint(stack.biomarkerDatabase()).differences(biomarkerBefore))
        .as("biomarker-service database: tables and sequences changed by the corpus")
        .isEmpty();
  }

  /**
   * Operations of the API document the corpus sends nothing bad to, and why. Empty: every operation
   * is mutated (the event feed in its query and Last-Event-ID only, having no body).
   */
  private static final Map<String, String> NOT_MUTATED = Map.of();

  private HttpResponse<String> send(HttpClient http, BadRequest bad) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUri() + bad.path()))
            .timeout(Duration.ofSeconds(bad.path().startsWith("/api/v1/events") ? 10 : 60))
            .method(
                bad.method(),
                bad.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(bad.body()));
    bad.headers().forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Null when the response is as it must be, else what is wrong with it. */
  private static String judge(BadRequest bad, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status != bad.expected()) {
      return "status " + status;
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    if (!type.startsWith("application/problem+json")) {
      return "content type '" + type + "'";
    }
    var leak = LEAK.matcher(response.body());
    while (leak.find()) {
      if (!echoes(bad, leak.group())) {
        return "internal detail in the body: " + leak.group();
      }
    }
    return null;
  }

  /** A service may quote what it was sent ("No trial {...}"); that is not a leak of its own. */
  private static boolean echoes(BadRequest bad, String text) {
    String path;
    try {
      path = java.net.URLDecoder.decode(bad.path().replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      path = bad.path();
    }
    String sent = path + (bad.body() == null ? "" : new String(bad.body(), StandardCharsets.UTF_8));
    String unescaped = text.replace("\\\"", "\"");
    return sent.contains(text) || sent.contains(unescaped);
  }

  /**
   * A database's fingerprint once the outbox relays and the event consumer have nothing left to do
   * from earlier tests: outboxes empty and two reads in a row alike.
   */
  private static DatabaseFingerprint quiescentFingerprint(
      org.psybiome.testsupport.TestDatabase database) {
    AtomicReference<DatabaseFingerprint> previous = new AtomicReference<>();
    AtomicReference<DatabaseFingerprint> settled = new AtomicReference<>();
    await("no more changes from earlier events in " + database.name())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              boolean idle =
                  DatabaseFingerprint.pendingEvents(stack.trialDatabase()) == 0
                      && DatabaseFingerprint.pendingEvents(stack.biomarkerDatabase()) == 0;
              DatabaseFingerprint now = DatabaseFingerprint.of(database);
              boolean stable = idle && now.equals(previous.get());
              previous.set(now);
              settled.set(now);
              return stable;
            });
    return settled.get();
  }

  private static void print(
      Map<String, Map<Integer, Integer>> byOperation,
      Map<String, Map<Integer, Integer>> byKind,
      int total,
      long reachingBodies,
      int operations,
      Duration took,
      Map<String, Integer> withheld) {
    StringBuilder out = new StringBuilder("\nBad-input corpus (seed " + SEED + ")\n");
    out.append(String.format("  %-24s %8s  %s%n", "mutation kind", "expected", "observed"));
    byKind.forEach(
        (kind, statuses) -> {
          String[] parts = kind.split(" ");
          out.append(String.format("  %-24s %8s  %s%n", parts[0], parts[1], statuses));
        });
    out.append("\n  responses per operation and status\n");
    byOperation.forEach(
        (operation, statuses) -> out.append(String.format("  %-66s %s%n", operation, statuses)));
    out.append(
        String.format(
            "%n  %d requests over %d operations of api/openapi.json (all of them) in %.1f s;"
                + " %d (%d%%) writes that reach the checks of their body; no two alike%n",
            total,
            operations,
            took.toMillis() / 1000.0,
            reachingBodies,
            Math.round(100.0 * reachingBodies / total)));
    withheld.forEach(
        (defect, count) ->
            out.append(String.format("  withheld (known defect %s): %d%n", defect, count)));
    KnownDefects.ALL.forEach(
        defect ->
            out.append("    ")
                .append(defect.id())
                .append(": ")
                .append(defect.description())
                .append('\n'));
    System.out.println(out);
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }
}
