package org.psybiome.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;

/**
 * A caller over its rate limit gets a 429 problem with Retry-After. A gateway of its own with a
 * tiny bucket (3 requests, then one a minute), so that nothing depends on how fast the test sends.
 */
@ExtendWith(StackExtension.class)
class RateLimitIT {

  private static ServiceProcess limited;

  @BeforeAll
  static void startLimitedGateway(PsybiomeStack stack) {
    limited =
        stack.extraGateway(
            "gateway-rate-limited",
            Map.of(
                "psybiome.gateway.rate-limit.requests-per-second", "1",
                "psybiome.gateway.rate-limit.burst", "3",
                // the test's caller is a reader, whose role has a rate of its own
                "psybiome.gateway.rate-limit.roles.reader.requests-per-second", "1",
                "psybiome.gateway.rate-limit.roles.reader.burst", "3"));
  }

  @AfterAll
  static void stopLimitedGateway() {
    if (limited != null) {
      limited.stop();
    }
  }

  @Test
  void fourthRequestOfABurstOfThreeIsRefusedWithRetryAfter() {
    String token = Tokens.bearer("rate-limited-reader", "reader", "RATE");
    List<Response> responses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      responses.add(
          given()
              .baseUri(limited.baseUri().toString())
              .header("Authorization", token)
              .get("/api/v1/analytes/IL6"));
    }
    assertThat(responses.get(0).statusCode()).isEqualTo(200);
    Response refused =
        responses.stream()
            .filter(r -> r.statusCode() == 429)
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no 429 among " + responses.stream().map(Response::statusCode).toList()));
    assertThat(refused.contentType()).isEqualTo("application/problem+json");
    assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

    // another subject has a bucket of its own
    given()
        .baseUri(limited.baseUri().toString())
        .header("Authorization", Tokens.bearer("another-reader", "reader", "RATE"))
        .get("/api/v1/analytes/IL6")
        .then()
        .statusCode(200);
  }
}
