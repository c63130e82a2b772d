package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.CatalogueApi.analyte;
import static org.psybiome.biomarker.CatalogueApi.as;
import static org.psybiome.biomarker.CatalogueApi.uniqueCode;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.web.BodyLimits;
import org.psybiome.testsupport.TestTokens;

/**
 * Each write operation has a body limit of its own (413 problem naming the limit, nothing stored),
 * and a panel of too many analytes is a 413 like a batch of too many rows. The sizes are the
 * documented defaults: 256 KiB = 262 144 bytes, 64 MiB = 67 108 864.
 */
@QuarkusTest
class BodyLimitTest {

  @Inject BodyLimits limits;
  @Inject AgroalDataSource dataSource;

  @Test
  void theLimitsAreTheDocumentedDefaults() {
    assertThat(limits.limit("analyte").bytes()).isEqualTo(262_144);
    assertThat(limits.limit("panel").bytes()).isEqualTo(262_144);
    assertThat(limits.limit("correction").bytes()).isEqualTo(262_144);
    assertThat(limits.limit("batch").bytes()).isEqualTo(67_108_864);
  }

  @Test
  void anAnalyteOverItsLimitIs413NamingItAndIsNotStored() {
    String code = uniqueCode("BIG");
    Map<String, Object> body = analyte(code);
    body.put("name", "x".repeat(262_144));
    as("curator")
        .body(body)
        .post("/api/v1/analytes")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("at most 262144 bytes"))
        .body("detail", containsString("psybiome.biomarker.body-limit.analyte"));
    given().get("/api/v1/analytes/" + code).then().statusCode(404);
  }

  @Test
  void aPanelOverItsLimitOrWithTooManyAnalytesIs413AndIsNotChanged() {
    String code = uniqueCode("LIM");
    as("curator")
        .body(Map.of("code", code, "name", "Limits", "analytes", List.of("IL6")))
        .post("/api/v1/panels")
        .then()
        .statusCode(201);

    as("curator")
        .body(Map.of("name", "y".repeat(262_144), "analytes", List.of("IL6", "IL1B")))
        .put("/api/v1/panels/" + code)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("psybiome.biomarker.body-limit.panel"));

    // 501 codes of a few bytes each: far below the byte limit, one item over the count
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      many.add("A" + i);
    }
    as("curator")
        .body(Map.of("name", "Too many", "analytes", many))
        .put("/api/v1/panels/" + code)
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", equalTo("A panel lists at most 500 analytes; this one lists 501"));
    String other = uniqueCode("MANY");
    as("curator")
        .body(Map.of("code", other, "name", "Too many", "analytes", many))
        .post("/api/v1/panels")
        .then()
        .statusCode(413);

    given().get("/api/v1/panels/" + code).then().statusCode(200).body("name", equalTo("Limits"));
    given().get("/api/v1/panels/" + other).then().statusCode(404);
  }

  @Test
  void aCorrectionOverItsLimitIs413DeclaredOrNot() throws Exception {
    long before = count("SELECT count(*) FROM result_correction");
    String body =
        "{\"value\": \"1\", \"unit\": \"pg/mL\", \"reason\": \"" + "r".repeat(262_144) + "\"}";
    // the path need not name a stored result: the limit is checked before anything else
    String path = "/api/v1/trials/PSB-2026-000001/results/1/corrections";
    as("pipeline")
        .body(body)
        .post(path)
        .then()
        .statusCode(413)
        .body("detail", containsString("psybiome.biomarker.body-limit.correction"));

    // chunked: no Content-Length, so the body is cut off as it is read
    HttpResponse<String> chunked = chunked(path, body);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(chunked.body()).contains("psybiome.biomarker.body-limit.correction");
    assertThat(count("SELECT count(*) FROM result_correction")).isEqualTo(before);
  }

  @Test
  void aChunkedBodyUnderItsLimitIsReadWhole() throws Exception {
    String code = uniqueCode("CHUNK");
    String body =
        "{\"code\": \"" + code + "\", \"name\": \"Chunked\", \"analytes\": [\"IL6\", \"IL1B\"]}";
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/v1/panels"))
            .header("Authorization", "Bearer " + TestTokens.token("curator", "MINDGUT"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream(body)))
            .build();
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static HttpResponse<String> chunked(String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
            .header("Authorization", "Bearer " + TestTokens.token("pipeline", "MINDGUT"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream(body)))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static ByteArrayInputStream stream(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }

  private long count(String sql) throws Exception {
    try (Connection connection = dataSource.getConnection();
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
