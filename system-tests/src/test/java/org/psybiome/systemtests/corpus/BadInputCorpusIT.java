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
import java.util.TreeMap;
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
 * More than a thousand generated bad requests over every endpoint, through the gateway: each is
 * answered with a 4xx problem (never a 5xx, a stack trace or a class name), and neither database
 * changes. The corpus is the same on every run ({@link #SEED}).
 */
@ExtendWith(StackExtension.class)
class BadInputCorpusIT {

  private static final long SEED = 20_261_126L;
  private static final int PER_ENDPOINT = 46;
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
            Trials.record(stack.root()),
            (ObjectNode)
                Trials.parse(given().baseUri(gateway).get("/api/v1/analytes/IL6").asString()),
            (ObjectNode)
                Trials.parse(
                    given().baseUri(gateway).get("/api/v1/panels/INFLAMMATION").asString()),
            role -> Tokens.bearer("corpus-" + role, role, CONSORTIUM));
  }

  @Test
  void everyBadRequestIsAProblemAndChangesNothing() throws Exception {
    List<BadRequest> generated = new CorpusGenerator(SEED, fixtures).generate(PER_ENDPOINT);
    Map<String, Integer> withheld = new TreeMap<>();
    List<BadRequest> corpus = new ArrayList<>();
    for (BadRequest request : generated) {
      KnownDefects.hitBy(request)
          .ifPresentOrElse(
              defect -> withheld.merge(defect.id(), 1, Integer::sum), () -> corpus.add(request));
    }
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(1000);

    Map<String, String> trialBefore = quiescentFingerprint(stack.trialDatabase());
    Map<String, String> biomarkerBefore = quiescentFingerprint(stack.biomarkerDatabase());

    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Map<String, Map<Integer, Integer>> tally = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (BadRequest bad : corpus) {
      HttpResponse<String> response = send(http, bad);
      tally
          .computeIfAbsent(bad.endpoint(), e -> new TreeMap<>())
          .merge(response.statusCode(), 1, Integer::sum);
      String problem = judge(bad, response);
      if (problem != null) {
        failures.add(problem + " ← " + bad + " → " + abbreviate(response.body()));
      }
    }
    print(tally, corpus.size(), withheld);

    assertThat(failures).as("bad requests not refused as a 4xx problem").isEmpty();
    assertThat(quiescentFingerprint(stack.trialDatabase()))
        .as("trial-service database")
        .isEqualTo(trialBefore);
    assertThat(quiescentFingerprint(stack.biomarkerDatabase()))
        .as("biomarker-service database")
        .isEqualTo(biomarkerBefore);
  }

  private HttpResponse<String> send(HttpClient http, BadRequest bad) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.gatewayUri() + bad.path()))
            .timeout(Duration.ofSeconds(60))
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
    if (status < 400 || status >= 500) {
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
   * The databases' fingerprints once the outbox relays and the event consumer have nothing left to
   * do from earlier tests: outboxes empty and two reads in a row alike.
   */
  private static Map<String, String> quiescentFingerprint(
      org.psybiome.testsupport.TestDatabase database) {
    AtomicReference<Map<String, String>> previous = new AtomicReference<>(Map.of());
    AtomicReference<Map<String, String>> settled = new AtomicReference<>();
    await("no more changes from earlier events in " + database.name())
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              boolean idle =
                  DatabaseFingerprint.pendingEvents(stack.trialDatabase()) == 0
                      && DatabaseFingerprint.pendingEvents(stack.biomarkerDatabase()) == 0;
              Map<String, String> now = DatabaseFingerprint.of(database).tables();
              boolean stable = idle && now.equals(previous.get());
              previous.set(now);
              settled.set(now);
              return stable;
            });
    return settled.get();
  }

  private static void print(
      Map<String, Map<Integer, Integer>> tally, int total, Map<String, Integer> withheld) {
    StringBuilder out =
        new StringBuilder("\nBad-input corpus: responses per endpoint and status\n");
    tally.forEach(
        (endpoint, statuses) -> out.append(String.format("  %-48s %s%n", endpoint, statuses)));
    out.append("  ").append(total).append(" requests sent\n");
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
