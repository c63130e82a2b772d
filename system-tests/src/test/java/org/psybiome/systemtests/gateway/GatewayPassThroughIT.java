package org.psybiome.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * What the services say reaches the client through the gateway unchanged: statuses, the headers
 * that carry protocol (ETag, If-Match outcomes, Location, Idempotency-Key replays, correlation id),
 * content types and problem bodies.
 */
@ExtendWith(StackExtension.class)
class GatewayPassThroughIT {

  private static final String CONSORTIUM = "PASS";
  private static PsybiomeStack stack;
  private static TestTrial trial;

  @BeforeAll
  static void registerTrial(PsybiomeStack running) {
    stack = running;
    Trials trials = new Trials(stack.gatewayUri());
    trial = trials.recruiting(stack.root(), CONSORTIUM, 2);
    trials.awaitKnownToBiomarker(trial);
  }

  private static io.restassured.specification.RequestSpecification gateway() {
    return given().baseUri(stack.gatewayUri().toString());
  }

  @Test
  void createdTrialHasLocationAndEtagThatReadsAgree() {
    Response created =
        gateway()
            .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
            .contentType("application/json")
            .body(Trials.record(stack.root()).toString())
            .post("/api/v1/trials");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = created.jsonPath().getString("id");
    // the gateway's address, as this client reached it: never the service's internal one
    assertThat(created.header("Location")).isEqualTo(stack.gatewayUri() + "/api/v1/trials/" + id);
    assertThat(created.header("ETag")).isNotBlank();
    given()
        .header("Authorization", Tokens.bearer("reader", CONSORTIUM))
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .header("ETag", equalTo(created.header("ETag")));
  }

  @Test
  void behindAReverseProxyLocationNamesTheAddressTheProxySays() {
    Response created =
        gateway()
            .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "registry.example.org")
            .contentType("application/json")
            .body(Trials.record(stack.root()).toString())
            .post("/api/v1/trials");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.header("Location"))
        .isEqualTo(
            "https://registry.example.org/api/v1/trials/" + created.jsonPath().getString("id"));
    Response forwarded =
        gateway()
            .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
            .header("Forwarded", "for=192.0.2.1;proto=https;host=psybiome.example:8443")
            .contentType("application/json")
            .body(Trials.record(stack.root()).toString())
            .post("/api/v1/trials");
    assertThat(forwarded.header("Location"))
        .isEqualTo(
            "https://psybiome.example:8443/api/v1/trials/" + forwarded.jsonPath().getString("id"));
  }

  @Test
  void writeWithoutIfMatchIs428AndWithAStaleOneIs412() {
    TestTrial draft = new Trials(stack.gatewayUri()).draft(stack.root(), CONSORTIUM);
    String body = Trials.record(stack.root()).toString();
    gateway()
        .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
        .contentType("application/json")
        .body(body)
        .put("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(428)
        .contentType("application/problem+json")
        .body("status", equalTo(428));
    gateway()
        .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
        .header("If-Match", "\"999\"")
        .contentType("application/json")
        .body(body)
        .put("/api/v1/trials/" + draft.id())
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("status", equalTo(412));
    Response updated =
        gateway()
            .header("Authorization", Tokens.bearer("registrant", CONSORTIUM))
            .header("If-Match", draft.etag())
            .contentType("application/json")
            .body(body)
            .put("/api/v1/trials/" + draft.id());
    assertThat(updated.statusCode()).isEqualTo(200);
    assertThat(updated.header("ETag")).isNotEqualTo(draft.etag());
  }

  @Test
  void problemBodyOfAServiceArrivesIntact() {
    String path = "/api/v1/trials/" + trial.id() + "/status";
    String body = "{\"status\":\"DRAFT\",\"effectiveDate\":\"2026-01-01\"}";
    String token = Tokens.bearer("registrant", CONSORTIUM);
    Response direct =
        given()
            .baseUri(stack.trialService().baseUri().toString())
            .header("Authorization", token)
            .header("If-Match", trial.etag())
            .contentType("application/json")
            .body(body)
            .post(path);
    Response viaGateway =
        gateway()
            .header("Authorization", token)
            .header("If-Match", trial.etag())
            .contentType("application/json")
            .body(body)
            .post(path);
    assertThat(direct.statusCode()).isEqualTo(409); // going back to DRAFT is refused
    assertThat(viaGateway.statusCode()).isEqualTo(direct.statusCode());
    assertThat(viaGateway.contentType()).isEqualTo("application/problem+json");
    JsonNode expected = Trials.parse(direct.asString());
    JsonNode actual = Trials.parse(viaGateway.asString());
    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
    String key = "pass-" + UUID.randomUUID();
    String code = trial.participants().get(1).code();
    String first = csv(code, "S-IDEM-1");
    Response stored = postCsv(first, key);
    assertThat(stored.statusCode()).isEqualTo(201);
    assertThat(stored.header("Location")).startsWith(stack.gatewayUri() + "/api/v1/batches/");

    Response replayed = postCsv(first, key);
    assertThat(replayed.statusCode()).isEqualTo(201);
    assertThat(replayed.header("Location")).isEqualTo(stored.header("Location"));
    assertThat(Trials.parse(replayed.asString())).isEqualTo(Trials.parse(stored.asString()));

    Response reused = postCsv(csv(code, "S-IDEM-2"), key);
    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(reused.contentType()).isEqualTo("application/problem+json");

    // one batch stored, not two
    gateway()
        .header("Authorization", Tokens.bearer("reader", CONSORTIUM))
        .queryParam("participant", code)
        .queryParam("analyte", "IL10")
        .get("/api/v1/trials/" + trial.id() + "/results")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1));
  }

  @Test
  void badCsvRowIsAProblemListingTheRow() {
    Response refused =
        postCsv(
            "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                + trial.participants().get(0).code()
                + ",W0,S-BAD-1,2026-01-05T08:00:00Z,IL10,not-a-number,pg/mL\n",
            null);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.asString()).contains("value");
  }

  @Test
  void unknownTrialIsAProblemFromTheService() {
    gateway()
        .get("/api/v1/trials/PSB-2026-999999")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404))
        .body("type", startsWith("http"));
  }

  @Test
  void correlationIdOfTheCallerComesBack() {
    gateway()
        .header("X-Correlation-Id", "system-test-42")
        .get("/api/v1/analytes/IL6")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("X-Correlation-Id", equalTo("system-test-42"));
  }

  @Test
  void chunkedHttp11BodyIsPassedOn() throws Exception {
    // Pipelines stream batches as they make them: no Content-Length, chunked transfer encoding.
    postStreamed(java.net.http.HttpClient.Version.HTTP_1_1);
  }

  @Test
  void streamedHttp2BodyIsPassedOn() throws Exception {
    postStreamed(java.net.http.HttpClient.Version.HTTP_2);
  }

  private void postStreamed(java.net.http.HttpClient.Version version) throws Exception {
    String code = trial.participants().get(0).code();
    for (var target : java.util.List.of(stack.biomarkerService().baseUri(), stack.gatewayUri())) {
      String sample = "S-STREAMED-" + version + "-" + target.getPort();
      byte[] body = csv(code, sample).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      var request =
          java.net.http.HttpRequest.newBuilder(
                  target.resolve("/api/v1/trials/" + trial.id() + "/results"))
              .header("Authorization", Tokens.bearer("pipeline", CONSORTIUM))
              .header("Content-Type", "text/csv")
              .POST(
                  java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                      () -> new java.io.ByteArrayInputStream(body)))
              .build();
      var response =
          java.net.http.HttpClient.newBuilder()
              .version(version)
              .build()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("via " + target + ": " + response.body()).isEqualTo(201);
    }
  }

  private Response postCsv(String body, String key) {
    var request =
        gateway()
            .header("Authorization", Tokens.bearer("pipeline", CONSORTIUM))
            .contentType("text/csv")
            .body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + trial.id() + "/results");
  }

  private static String csv(String participant, String sampleId) {
    return "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
        + participant
        + ",W0,"
        + sampleId
        + ",2026-01-05T08:00:00Z,IL10,3.25,pg/mL\n";
  }
}
