package org.psybiome.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.devtools.apidoc.ApiDocuments;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;

/**
 * The gateway's one API document holds the paths of both services behind it, and is exactly the
 * committed contract ({@code api/openapi.json}) that clients are generated from.
 */
@ExtendWith(StackExtension.class)
class MergedOpenApiIT {

  @Test
  void mergedDocumentHoldsBothServicesPaths(PsybiomeStack stack) {
    // the gateway fetches the services' documents in the background: wait for both to be in
    await("merged API document")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> paths(stack).containsKey("/api/v1/analytes"));
    Map<String, Object> paths = paths(stack);
    assertThat(paths)
        .containsKeys(
            "/api/v1/trials",
            "/api/v1/trials/{id}",
            "/api/v1/trials/{id}/participants",
            "/api/v1/analytes",
            "/api/v1/panels",
            "/api/v1/trials/{trialId}/results",
            "/api/v1/trials/{trialId}/summaries/{analyte}");
    JsonPath document =
        JsonPath.from(
            given().baseUri(stack.gatewayUri().toString()).get("/openapi.json").asString());
    assertThat(document.getString("components.securitySchemes.bearerToken.scheme"))
        .isEqualTo("bearer");
  }

  @Test
  void theGatewayServesExactlyTheCommittedContract(PsybiomeStack stack) throws Exception {
    await("merged API document")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> paths(stack).containsKey("/api/v1/analytes"));
    String served =
        ApiDocuments.normalise(
            given().baseUri(stack.gatewayUri().toString()).get("/openapi.json").asString());
    List<String> differences = ApiDocuments.differences(stack.apiDocument(), served);
    if (!differences.isEmpty()) {
      Path actual = stack.root().resolve("system-tests/target/openapi.json");
      Files.writeString(actual, served);
      throw new AssertionError(
          "api/openapi.json is not what the gateway serves; if the change is meant, review the"
              + " diff and copy "
              + stack.root().relativize(actual)
              + " to api/openapi.json (or run ./psybiome api-doc against a stack of this code)."
              + " Differing at: "
              + differences);
    }
  }

  private static Map<String, Object> paths(PsybiomeStack stack) {
    var response = given().baseUri(stack.gatewayUri().toString()).get("/openapi.json");
    if (response.statusCode() != 200) {
      return Map.of();
    }
    Map<String, Object> paths = response.jsonPath().getMap("paths");
    return paths == null ? Map.of() : paths;
  }
}
