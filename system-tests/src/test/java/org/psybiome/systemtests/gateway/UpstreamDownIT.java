package org.psybiome.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;

/**
 * A stopped service is a prompt 503 problem at the gateway, the other service is still served, and
 * once the service is back the gateway routes to it again.
 */
@ExtendWith(StackExtension.class)
class UpstreamDownIT {

  /** A refused connection must be answered well within this, not wait for an upstream timeout. */
  private static final RestAssuredConfig PROMPT =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", 5_000)
                  .setParam("http.socket.timeout", 10_000));

  @Test
  void stoppedBiomarkerServiceIsA503ProblemAndComesBack(PsybiomeStack stack) {
    String gateway = stack.gatewayUri().toString();
    stack.biomarkerService().stop();
    try {
      for (int i = 0; i < 8; i++) { // past the circuit breaker's threshold too
        Response down = given().config(PROMPT).baseUri(gateway).get("/api/v1/analytes");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.contentType()).isEqualTo("application/problem+json");
        assertThat(down.jsonPath().getInt("status")).isEqualTo(503);
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(down.asString()).doesNotContain("Exception");
      }
      given().config(PROMPT).baseUri(gateway).get("/api/v1/trials").then().statusCode(200);
    } finally {
      stack.biomarkerService().start();
    }
    await("gateway routes to biomarker-service again")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> given().baseUri(gateway).get("/api/v1/analytes").statusCode() == 200);
  }
}
