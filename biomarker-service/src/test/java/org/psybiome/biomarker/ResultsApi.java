package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.testsupport.TestTokens;

/** The results API as a lab pipeline uses it, and a trial made known the way trial-service does. */
final class ResultsApi {

  static final String CONSORTIUM = "MINDGUT";
  static final List<String> PARTICIPANTS = List.of("MG-0001", "MG-0002", "MG-0003");

  private ResultsApi() {}

  /**
   * Registers a trial (visits W0 with INFLAMMATION, HPA and HAMD17; W8 with INFLAMMATION, HAMD17
   * and MADRS) and enrols three participants through trial events; returns once all are known.
   */
  static String registeredTrial(TrialSnapshots snapshots) {
    return registeredTrial(snapshots, null);
  }

  /** As {@link #registeredTrial(TrialSnapshots)}, with these visits (or the default ones). */
  static String registeredTrial(TrialSnapshots snapshots, List<Map<String, Object>> visits) {
    return registeredTrial(snapshots, visits, CONSORTIUM);
  }

  /** As {@link #registeredTrial(TrialSnapshots, List)}, owned by {@code consortium}. */
  static String registeredTrial(
      TrialSnapshots snapshots, List<Map<String, Object>> visits, String consortium) {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> trial = TrialEventsProducer.trialView(id, 2, "NONE", "Placebo");
    trial.put("consortium", consortium);
    if (visits != null) {
      trial.put("schedule", Map.of("visits", visits));
    }
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(trial);
      for (String code : PARTICIPANTS) {
        events.enrolled(id, code, "Probiotic");
      }
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> snapshots.participant(id, PARTICIPANTS.get(2)).isPresent());
    await().atMost(Duration.ofSeconds(30)).until(() -> snapshots.trial(id).isPresent());
    return id;
  }

  static RequestSpecification as(String role, String consortium) {
    return given().auth().oauth2(TestTokens.token(role, consortium));
  }

  /** Posts the body's exact UTF-8 bytes (the Idempotency-Key hash is over them). */
  static Response post(String trialId, String contentType, String body, String key) {
    return post(CONSORTIUM, trialId, contentType, body, key);
  }

  /** As {@link #post(String, String, String, String)}, by the pipeline of {@code consortium}. */
  static Response post(
      String consortium, String trialId, String contentType, String body, String key) {
    RequestSpecification request =
        as("pipeline", consortium)
            .contentType(contentType)
            .body(body.getBytes(StandardCharsets.UTF_8));
    if (key != null) {
      request = request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + trialId + "/results");
  }

  /** A valid row: serum IL-6 of a participant at W0. */
  static Map<String, Object> row(String participant, String visit, String sample, String analyte) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("participant", participant);
    row.put("visit", visit);
    row.put("sampleId", sample);
    row.put("collectedAt", "2026-03-01T08:15:00Z");
    row.put("analyte", analyte);
    row.put("value", 2.5);
    row.put("unit", "pg/mL");
    return row;
  }

  static Map<String, Object> with(Map<String, Object> row, Object... keyValues) {
    Map<String, Object> copy = new LinkedHashMap<>(row);
    for (int i = 0; i < keyValues.length; i += 2) {
      if (keyValues[i + 1] == null) {
        copy.remove((String) keyValues[i]);
      } else {
        copy.put((String) keyValues[i], keyValues[i + 1]);
      }
    }
    return copy;
  }
}
