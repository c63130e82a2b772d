package org.psybiome.systemtests.harness;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test trials made through the gateway as a consortium's registrant would: the demo trial {@code
 * demo/trials/probiotic-adjunct-mdd.json} (a valid, complete record) with fresh secondary ids, as a
 * draft or registered and recruiting with participants enrolled in both arms.
 */
public final class Trials {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  /** A trial as the tests need it: id, current ETag, participants (code → arm). */
  public record TestTrial(
      String id, String etag, String consortium, List<Participant> participants) {}

  public record Participant(String code, String arm) {}

  private final URI gateway;

  public Trials(URI gateway) {
    this.gateway = gateway;
  }

  /** The demo record with secondary ids no other trial of this run has claimed. */
  public static ObjectNode record(Path root) {
    try {
      ObjectNode record =
          (ObjectNode)
              JSON.readTree(root.resolve("demo/trials/probiotic-adjunct-mdd.json").toFile());
      ArrayNode ids = JSON.createArrayNode();
      ids.addObject().put("registry", "NCT").put("value", "NCT" + uniqueDigits(8));
      record.set("secondaryIds", ids);
      return record;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String uniqueDigits(int length) {
    long value =
        ThreadLocalRandom.current().nextLong((long) Math.pow(10, length - 3)) * 1000
            + SEQUENCE.incrementAndGet() % 1000;
    return String.format("%0" + length + "d", value);
  }

  public TestTrial draft(Path root, String consortium) {
    Response created =
        given()
            .baseUri(gateway.toString())
            .header("Authorization", Tokens.bearer("registrant", consortium))
            .contentType("application/json")
            .body(record(root).toString())
            .post("/api/v1/trials");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("cannot create a trial: " + created.asString());
    }
    return new TestTrial(
        created.jsonPath().getString("id"), created.header("ETag"), consortium, List.of());
  }

  /** Registered (RECRUITING) with {@code perArm} participants enrolled in each arm. */
  public TestTrial recruiting(Path root, String consortium, int perArm) {
    TestTrial draft = draft(root, consortium);
    Response recruiting =
        given()
            .baseUri(gateway.toString())
            .header("Authorization", Tokens.bearer("registrant", consortium))
            .header("If-Match", draft.etag())
            .contentType("application/json")
            .body("{\"status\":\"RECRUITING\",\"effectiveDate\":\"" + LocalDate.now() + "\"}")
            .post("/api/v1/trials/" + draft.id() + "/status");
    if (recruiting.statusCode() != 200) {
      throw new IllegalStateException(
          "cannot register " + draft.id() + ": " + recruiting.asString());
    }
    List<Participant> participants = new ArrayList<>();
    List<String> arms = List.of("Probiotic", "Placebo");
    for (int a = 0; a < arms.size(); a++) {
      String arm = arms.get(a);
      for (int i = 1; i <= perArm; i++) {
        String code = draft.id().substring(draft.id().length() - 6) + "-A" + a + "-" + i;
        Response enrolled =
            given()
                .baseUri(gateway.toString())
                .header("Authorization", Tokens.bearer("registrant", consortium))
                .contentType("application/json")
                .body(
                    JSON.createObjectNode()
                        .put("code", code)
                        .put("arm", arm)
                        .put("enrolledOn", LocalDate.now().toString())
                        .toString())
                .post("/api/v1/trials/" + draft.id() + "/participants");
        if (enrolled.statusCode() != 201) {
          throw new IllegalStateException(
              "cannot enrol in " + draft.id() + ": " + enrolled.asString());
        }
        participants.add(new Participant(code, arm));
      }
    }
    String etag =
        given()
            .baseUri(gateway.toString())
            .get("/api/v1/trials/" + draft.id())
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    return new TestTrial(draft.id(), etag, consortium, List.copyOf(participants));
  }

  /**
   * Waits until biomarker-service has learnt the trial and its participants from Kafka: a result
   * row for the last participant is accepted only then. The probe batch is stored (one row).
   */
  public void awaitKnownToBiomarker(TestTrial trial) {
    awaitKnownToBiomarker(trial, Duration.ofSeconds(30));
  }

  /** As {@link #awaitKnownToBiomarker(TestTrial)}, waiting up to {@code timeout}. */
  public void awaitKnownToBiomarker(TestTrial trial, Duration timeout) {
    Participant last = trial.participants().get(trial.participants().size() - 1);
    String row =
        "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
            + last.code()
            + ",W0,PROBE-"
            + trial.id()
            + ",2026-01-05T08:00:00Z,IL6,1.5,pg/mL\n";
    await("biomarker-service learns " + trial.id() + " from Kafka")
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                given()
                        .baseUri(gateway.toString())
                        .header("Authorization", Tokens.bearer("pipeline", trial.consortium()))
                        .contentType("text/csv")
                        .body(row)
                        .post("/api/v1/trials/" + trial.id() + "/results")
                        .statusCode()
                    == 201);
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
