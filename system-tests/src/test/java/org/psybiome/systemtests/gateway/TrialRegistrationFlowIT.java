package org.psybiome.systemtests.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * The path a trial takes through the whole system: registered through the gateway at trial-service,
 * learnt by biomarker-service from Kafka, then results posted by the consortium's pipeline and read
 * back.
 */
@ExtendWith(StackExtension.class)
class TrialRegistrationFlowIT {

  @Test
  void registeredTrialTakesResultsFromItsPipeline(PsybiomeStack stack) {
    String gateway = stack.gatewayUri().toString();
    TestTrial trial = new Trials(stack.gatewayUri()).recruiting(stack.root(), "FLOW", 2);

    given()
        .baseUri(gateway)
        .get("/api/v1/trials/" + trial.id())
        .then()
        .statusCode(200)
        .body("status", equalTo("RECRUITING"));

    // Until biomarker-service has consumed the registration, the trial is unknown there: 404.
    String pipeline = Tokens.bearer("pipeline", "FLOW");
    await("registration reaches biomarker-service")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                given()
                        .baseUri(gateway)
                        .header("Authorization", pipeline)
                        .get("/api/v1/trials/" + trial.id() + "/results")
                        .statusCode()
                    == 200);
    new Trials(stack.gatewayUri()).awaitKnownToBiomarker(trial);

    String code = trial.participants().get(0).code();
    String batch =
        "[{\"participant\":\""
            + code
            + "\",\"visit\":\"W0\",\"sampleId\":\"S-FLOW-1\",\"collectedAt\":\"2026-01-05T08:00:00Z\","
            + "\"analyte\":\"IL6\",\"value\":2.5,\"unit\":\"pg/mL\"},"
            + "{\"participant\":\""
            + code
            + "\",\"visit\":\"W0\",\"sampleId\":\"S-FLOW-1\",\"collectedAt\":\"2026-01-05T08:00:00Z\","
            + "\"analyte\":\"TNFA\",\"value\":1.2,\"unit\":\"pg/mL\"}]";
    given()
        .baseUri(gateway)
        .header("Authorization", pipeline)
        .contentType("application/json")
        .body(batch)
        .post("/api/v1/trials/" + trial.id() + "/results")
        .then()
        .statusCode(201);

    given()
        .baseUri(gateway)
        .header("Authorization", Tokens.bearer("reader", "FLOW"))
        .queryParam("participant", code)
        .get("/api/v1/trials/" + trial.id() + "/results")
        .then()
        .statusCode(200)
        .body("items.analyte", hasItem("TNFA"))
        .body("items.sampleId", hasItem("S-FLOW-1"));
  }
}
