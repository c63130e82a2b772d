package org.psybiome.biomarker.service.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stalled trial events consumer is visible where an operator looks: /q/health/well and the
 * metrics. The stall is reported through the running service's own tracker (threshold 1 s in the
 * test profile); ConsumerStallTest covers when a stall begins and ends.
 */
@QuarkusTest
class TrialEventsHealthTest {

  @Inject ConsumerStall stall;

  @Test
  void aStallIsDownOnTheWellnessCheckAndInTheMetricsUntilItsPartitionMovesOn() {
    given()
        .get("/q/health/well")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'trial-events-consumer' }.status", equalTo("UP"));

    stall.failed("test.topic-0", 5L, new IllegalStateException("poison"));

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .get("/q/health/well")
                    .then()
                    .statusCode(503)
                    .body(
                        "checks.find { it.name == 'trial-events-consumer' }.data.failingEvent",
                        equalTo("test.topic-0@5")));
    given()
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .body(containsString("psybiome_trial_events_stalled_seconds"));

    stall.progressed(Map.of("test.topic-0", 6L));
    given()
        .get("/q/health/well")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'trial-events-consumer' }.status", equalTo("UP"));
  }
}
