package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.web.BodyLimits;
import org.psybiome.testsupport.TestTokens;

/**
 * Each write operation has a body limit of its own, answered with a 413 problem that names it,
 * before the body is read, and nothing is stored. The sizes are the documented defaults: 1 MiB = 1
 * 048 576 bytes, 256 KiB = 262 144, 8 MiB = 8 388 608.
 */
@QuarkusTest
class BodyLimitTest {

  @Inject BodyLimits limits;

  @Test
  void theLimitsAreTheDocumentedDefaults() {
    assertThat(limits.limit("record").bytes()).isEqualTo(1_048_576);
    assertThat(limits.limit("change").bytes()).isEqualTo(262_144);
    assertThat(limits.limit("import").bytes()).isEqualTo(8_388_608);
  }

  @Test
  void aTrialRecordOverItsLimitIs413NamingItAndNothingIsStored() throws Exception {
    long before = total();
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    body.put("publicTitle", "x".repeat(1_048_576));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(body)
        .post("/api/v1/trials")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("at most 1048576 bytes"))
        .body("detail", containsString("psybiome.trial.body-limit.record"));

    // chunked: no Content-Length, so the body is cut off as it is read
    HttpResponse<String> chunked = chunked("/api/v1/trials", body.toString());
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("psybiome.trial.body-limit.record");
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aChangeOverItsLimitIs413AndChangesNothing() {
    TrialApi.Created trial = TrialApi.recruiting(DemoTrials.DIET);
    String reason = "r".repeat(262_144);
    TrialApi.changeStatus(trial.id(), trial.etag(), "SUSPENDED", reason)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("psybiome.trial.body-limit.change"));
    as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", "MG-0001", "arm", reason, "enrolledOn", LocalDate.now().toString()))
        .post("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(413);

    as("reader").get("/api/v1/trials/" + trial.id()).then().body("status", equalTo("RECRUITING"));
    as("registrant")
        .get("/api/v1/trials/" + trial.id() + "/participants")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(0));
  }

  @Test
  void anImportOverItsLimitIs413AndImportsNothing() {
    long before = total();
    // a JSON array of studies one byte over 8 MiB: refused on its Content-Length, unread
    String padding = "\"" + "s".repeat(8_388_608) + "\"";
    as("registrant")
        .contentType(ContentType.JSON)
        .body("[" + padding + "]")
        .post("/api/v1/imports/clinicaltrials-gov")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("psybiome.trial.body-limit.ctgov-import"));
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aChunkedImportOverItsLimitImportsNothingEvenWhenItsFirstStudyIsGood() throws Exception {
    // an import acts study by study as it reads: the first, good study must not be imported
    // when the body it came in is then found too large
    com.fasterxml.jackson.databind.node.ObjectNode study;
    try (var in = BodyLimitTest.class.getResourceAsStream("/ctgov/NCT04207047.json")) {
      study =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    }
    String nct =
        "NCT9"
            + String.format(
                "%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
    var identification =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            study.at("/protocolSection/identificationModule");
    identification.put("nctId", nct);
    ((com.fasterxml.jackson.databind.node.ObjectNode) identification.get("orgStudyIdInfo"))
        .put("id", "BODY-LIMIT-" + nct);
    long before = total();
    String body = "[" + study + ",\"" + "s".repeat(8_388_608) + "\"]";
    HttpResponse<String> refused = chunked("/api/v1/imports/clinicaltrials-gov", body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
    assertThat(refused.body()).contains("psybiome.trial.body-limit.ctgov-import");
    assertThat(total()).isEqualTo(before);
  }

  @Test
  void aChunkedBodyUnderItsLimitIsReadWhole() throws Exception {
    HttpResponse<String> created =
        chunked("/api/v1/trials", DemoTrials.load(DemoTrials.DIET).toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static long total() {
    return as("reader").queryParam("pageSize", 1).get("/api/v1/trials").jsonPath().getLong("total");
  }

  private static HttpResponse<String> chunked(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Authorization", "Bearer " + TestTokens.token("registrant", "MINDGUT"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }
}
