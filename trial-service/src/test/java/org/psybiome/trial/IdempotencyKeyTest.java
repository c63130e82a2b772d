package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.trial.TrialApi.as;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.psybiome.persistence.idempotency.IdempotentRequestCleanup;

/**
 * Idempotency-Key on trial-service's writes: a retry with the key gets the first answer and stores
 * nothing twice (counted in the tables the writes fill), another request with the key is a 422, a
 * concurrent one a 409, another consortium's key is its own, and a refused or failed request leaves
 * the key free.
 */
@QuarkusTest
class IdempotencyKeyTest {

  @Inject AgroalDataSource dataSource;
  @Inject IdempotentRequestCleanup cleanup;

  private static String newKey() {
    return "test-" + UUID.randomUUID();
  }

  private static ObjectNode draft(String title) {
    ObjectNode trial = DemoTrials.load(DemoTrials.PROBIOTIC);
    trial.put("publicTitle", title);
    return trial;
  }

  /**
   * A draft without secondary ids, so that nothing but the key keeps a repeat from being a second
   * trial (a secondary id may be claimed by one trial only).
   */
  private static ObjectNode draftWithoutIds(String title) {
    ObjectNode trial = draft(title);
    trial.remove("secondaryIds");
    return trial;
  }

  private static Response create(String consortium, String key, Object body) {
    RequestSpecification request =
        as("registrant", consortium).contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials");
  }

  private long count(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private long trialsTitled(String title) {
    return count("SELECT count(*) FROM trial WHERE public_title = ?", title);
  }

  private long keyRows(String key) {
    return count("SELECT count(*) FROM idempotent_request WHERE key = ?", key);
  }

  private static void assertSameAnswer(Response first, Response replay) {
    assertThat(replay.statusCode()).isEqualTo(first.statusCode());
    assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
    assertThat(replay.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(replay.asString()).isEqualTo(first.asString());
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void aRetriedCreationIsReplayedAndStoresOneTrial() {
    String title = "Idempotent creation " + UUID.randomUUID();
    String key = newKey();
    ObjectNode body = draftWithoutIds(title);
    Response first = create(TrialApi.CONSORTIUM, key, body);
    first.then().statusCode(201);
    assertThat(first.header("Location")).endsWith("/api/v1/trials/" + first.path("id"));
    Response retry = create(TrialApi.CONSORTIUM, key, body);
    assertSameAnswer(first, retry);
    assertThat(trialsTitled(title)).isEqualTo(1);
    // members in another order and other spacing: the same request
    String reordered =
        "{ \"publicTitle\" : \""
            + title
            + "\","
            + body.deepCopy().without("publicTitle").toString().substring(1);
    create(TrialApi.CONSORTIUM, key, reordered)
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true");
    assertThat(trialsTitled(title)).isEqualTo(1);
    // the count can show a duplicate: without a key the same body is a second trial
    create(TrialApi.CONSORTIUM, null, body).then().statusCode(201);
    assertThat(trialsTitled(title)).isEqualTo(2);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndStoresNothing() {
    String title = "Idempotent 422 " + UUID.randomUUID();
    String key = newKey();
    create(TrialApi.CONSORTIUM, key, draft(title)).then().statusCode(201);
    // draft() also gives other secondary ids; the title alone differs here
    create(TrialApi.CONSORTIUM, key, draft(title + " (other)"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("Idempotency-Key"));
    assertThat(trialsTitled(title + " (other)")).isZero();
  }

  @Test
  void anotherConsortiumsKeyIsItsOwn() {
    String title = "Idempotent consortia " + UUID.randomUUID();
    String key = newKey();
    Response mine = create(TrialApi.CONSORTIUM, key, draft(title));
    mine.then().statusCode(201);
    // the same key with another body: processed, no 422, nothing learnt of the first
    ObjectNode theirBody = draft(title + " (theirs)");
    Response theirs = create(TrialApi.OTHER_CONSORTIUM, key, theirBody);
    theirs.then().statusCode(201).body("consortium", equalTo(TrialApi.OTHER_CONSORTIUM));
    assertThat(theirs.header("Idempotent-Replayed")).isNull();
    assertThat(theirs.path("id").toString()).isNotEqualTo(mine.path("id"));
    // their retry is their own replay; ours is still ours
    Response theirRetry = create(TrialApi.OTHER_CONSORTIUM, key, theirBody);
    assertSameAnswer(theirs, theirRetry);
    assertThat(trialsTitled(title)).isEqualTo(1);
    assertThat(trialsTitled(title + " (theirs)")).isEqualTo(1);
  }

  @Test
  void anotherPersonOfTheSameConsortiumGetsNoReplayOfSomeoneElsesAnswer() {
    // a replay goes only to whoever sent the first request: an answer can carry what its sender
    // alone was given (an emergency unblinding names an arm, audited for that person)
    String title = "Idempotent colleagues " + UUID.randomUUID();
    String key = newKey();
    create(TrialApi.CONSORTIUM, key, draft(title)).then().statusCode(201);
    Response colleague =
        given()
            .auth()
            .oauth2(
                org.psybiome.testsupport.TestTokens.token(
                    "colleague@" + TrialApi.CONSORTIUM, "registrant", TrialApi.CONSORTIUM))
            .contentType(ContentType.JSON)
            .header("Idempotency-Key", key)
            .body(draft(title))
            .post("/api/v1/trials");
    colleague.then().statusCode(201);
    assertThat(colleague.header("Idempotent-Replayed")).isNull();
    assertThat(trialsTitled(title)).isEqualTo(2);
  }

  @Test
  void aRefusedRequestLeavesTheKeyFree() {
    String title = "Idempotent 400 " + UUID.randomUUID();
    String key = newKey();
    ObjectNode invalid = draft(title);
    invalid.put("publicTitle", "x".repeat(301)); // @Size(max = 300)
    create(TrialApi.CONSORTIUM, key, invalid).then().statusCode(400);
    assertThat(keyRows(key)).isZero();
    // corrected and sent again with the same key: processed, not a 422
    create(TrialApi.CONSORTIUM, key, draft(title)).then().statusCode(201);
    assertThat(trialsTitled(title)).isEqualTo(1);
  }

  @Test
  void anInvalidKeyIsA400AndStoresNothing() {
    String title = "Idempotent bad key " + UUID.randomUUID();
    for (String key : List.of("x".repeat(256), "with space", "caf\u00e9")) {
      create(TrialApi.CONSORTIUM, key, draft(title))
          .then()
          .statusCode(400)
          .body("violations[0].field", equalTo("Idempotency-Key"));
    }
    create(TrialApi.CONSORTIUM, "x".repeat(255), draft(title)).then().statusCode(201);
    assertThat(trialsTitled(title)).isEqualTo(1);
  }

  @Test
  void anExpiredKeyIsANewRequestAndIsCleanedUp() {
    String title = "Idempotent expiry " + UUID.randomUUID();
    String key = newKey();
    ObjectNode body = draft(title);
    Response first = create(TrialApi.CONSORTIUM, key, body);
    first.then().statusCode(201);
    age(key, "25 hours"); // retention 24h (IdempotencyConfig)
    ObjectNode sameButIds = body.deepCopy(); // secondary ids are claimed by the first trial
    sameButIds.set("secondaryIds", draft(title).get("secondaryIds"));
    Response later = create(TrialApi.CONSORTIUM, key, sameButIds);
    later.then().statusCode(201);
    assertThat(later.header("Idempotent-Replayed")).isNull();
    assertThat(later.path("id").toString()).isNotEqualTo(first.path("id"));
    assertThat(trialsTitled(title)).isEqualTo(2);

    // a key within its retention survives the cleanup; an expired one does not
    cleanup.deleteExpired();
    assertThat(keyRows(key)).isEqualTo(1);
    age(key, "25 hours");
    cleanup.deleteExpired();
    assertThat(keyRows(key)).isZero();
  }

  private void age(String key, String interval) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotent_request SET completed_at = completed_at - ?::interval,"
                    + " claimed_at = claimed_at - ?::interval WHERE key = ?")) {
      update.setString(1, interval);
      update.setString(2, interval);
      update.setString(3, key);
      assertThat(update.executeUpdate()).isEqualTo(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
    String title = "Idempotent race " + UUID.randomUUID();
    ObjectNode body = draftWithoutIds(title);
    String key = newKey();
    int clients = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<Response>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return create(TrialApi.CONSORTIUM, key, body);
                }));
      }
      start.countDown();
      int fresh = 0;
      String id = null;
      for (Future<Response> answer : answers) {
        Response response = answer.get();
        if (response.statusCode() == 201) {
          if (response.header("Idempotent-Replayed") == null) {
            fresh++;
          }
          id = id == null ? response.path("id") : id;
          assertThat(response.path("id").toString()).isEqualTo(id);
        } else {
          assertThat(response.statusCode()).isEqualTo(409);
          assertThat(response.header("Retry-After")).isEqualTo("1");
        }
      }
      assertThat(fresh).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(trialsTitled(title)).isEqualTo(1);
  }

  @Test
  void aRetriedEnrolmentIsReplayedAndEnrolsOnce() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    String key = newKey();
    Map<String, String> body =
        Map.of("code", "P-IK-001", "arm", "Placebo", "enrolledOn", LocalDate.now().toString());
    Response first = enrol(trial.id(), key, body);
    first.then().statusCode(201);
    Response retry = enrol(trial.id(), key, body);
    assertSameAnswer(first, retry);
    assertThat(participants(trial.id())).isEqualTo(1);
    // another participant under the same key: 422; without a key the retry is a 409 duplicate
    enrol(trial.id(), key, Map.of("code", "P-IK-002", "arm", "Placebo")).then().statusCode(422);
    enrol(trial.id(), null, body).then().statusCode(409);
    assertThat(participants(trial.id())).isEqualTo(1);
  }

  @Test
  void aWriteThatFailsStoresNoKey() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    Map<String, String> body =
        Map.of("code", "P-IK-101", "arm", "Placebo", "enrolledOn", LocalDate.now().toString());
    enrol(trial.id(), null, body).then().statusCode(201);
    String key = newKey();
    enrol(trial.id(), key, body).then().statusCode(409); // the code is taken
    assertThat(keyRows(key)).isZero();
    // and unblinding a draft (a 409 from the lifecycle): no key kept either
    var draft = TrialApi.createDraft(draft("Idempotent failing " + UUID.randomUUID()));
    String other = newKey();
    as("statistician")
        .header("If-Match", draft.etag())
        .header("Idempotency-Key", other)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", "final analysis"))
        .post("/api/v1/trials/" + draft.id() + "/unblinding")
        .then()
        .statusCode(409);
    assertThat(keyRows(other)).isZero();
  }

  private long participants(String trialId) {
    return count("SELECT count(*) FROM participant WHERE trial_id = ?", trialId);
  }

  private static Response enrol(String trialId, String key, Object body) {
    RequestSpecification request = as("registrant").contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + trialId + "/participants");
  }

  @Test
  void aRetriedStatusChangeIsReplayedAndChangesOnce() {
    var draft = TrialApi.createDraft(draft("Idempotent status " + UUID.randomUUID()));
    String key = newKey();
    Map<String, String> body =
        Map.of(
            "status", "RECRUITING", "effectiveDate", LocalDate.now().toString(), "reason", "open");
    Response first = statusChange(draft.id(), draft.etag(), key, body);
    first.then().statusCode(200).body("status", equalTo("RECRUITING"));
    Response retry = statusChange(draft.id(), draft.etag(), key, body);
    assertSameAnswer(first, retry);
    assertThat(
            count(
                "SELECT count(*) FROM trial_status_history WHERE trial_id = ? AND status = ?",
                draft.id(),
                "RECRUITING"))
        .isEqualTo(1);
    assertThat(count("SELECT version FROM trial WHERE id = ?", draft.id()))
        .isEqualTo(Long.parseLong(first.header("ETag").replace("\"", "")));
    // without the key the retry is refused: its If-Match is stale now
    statusChange(draft.id(), draft.etag(), null, body).then().statusCode(412);
    // the same key and body with another If-Match is another request
    statusChange(draft.id(), first.header("ETag"), key, body).then().statusCode(422);
  }

  private static Response statusChange(String id, String etag, String key, Object body) {
    RequestSpecification request =
        as("registrant").header("If-Match", etag).contentType(ContentType.JSON).body(body);
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + id + "/status");
  }

  @Test
  void aRetriedUnblindingIsReplayedAndUnblindsOnce() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC); // masked
    String key = newKey();
    Response first = unblind(trial.id(), trial.etag(), key);
    first.then().statusCode(200).body("blinded", equalTo(false));
    Response retry = unblind(trial.id(), trial.etag(), key);
    assertSameAnswer(first, retry);
    assertThat(
            count(
                "SELECT count(*) FROM audit_entry WHERE trial_id = ? AND action = 'UNBLINDED'",
                trial.id()))
        .isEqualTo(1);
    // without the key the retry is refused: the trial is unblinded already
    unblind(trial.id(), first.header("ETag"), null).then().statusCode(409);
  }

  private static Response unblind(String id, String etag, String key) {
    RequestSpecification request =
        as("statistician")
            .header("If-Match", etag)
            .contentType(ContentType.JSON)
            .body(Map.of("reason", "final analysis"));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return request.post("/api/v1/trials/" + id + "/unblinding");
  }

  @Test
  void aRetriedFollowUpStepIsReplayedAndRecordedOnce() {
    var trial = TrialApi.recruiting(DemoTrials.PROBIOTIC);
    TrialApi.enrol(trial.id(), "P-IK-201", "Placebo").then().statusCode(201);
    String key = newKey();
    Map<String, String> body =
        Map.of("status", "COMPLETED", "effectiveDate", LocalDate.now().toString());
    String path = "/api/v1/trials/" + trial.id() + "/participants/P-IK-201/status";
    Response first =
        as("registrant")
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post(path);
    first.then().statusCode(200);
    Response retry =
        as("registrant")
            .header("Idempotency-Key", key)
            .contentType(ContentType.JSON)
            .body(body)
            .post(path);
    assertSameAnswer(first, retry);
    assertThat(
            count(
                "SELECT count(*) FROM participant_status WHERE trial_id = ? AND code = ?",
                trial.id(),
                "P-IK-201"))
        .isEqualTo(1);
  }

  @Test
  void aRetriedImportIsReplayedFromItsBufferedBody() {
    // the body reaches the resource as a stream: read once for the hash, then imported
    // a study of its own (fresh NCT number and ids: secondary ids are claimed by one trial only),
    // so that ImportCtgovTest's imports of the real one are not touched
    String nct = "NCT9" + String.format("%07d", (int) (Math.random() * 10_000_000));
    ObjectNode study = ImportCtgovTest.document("NCT04267848");
    ObjectNode identification =
        (ObjectNode) study.path("protocolSection").path("identificationModule");
    identification.put("nctId", nct);
    identification.remove("secondaryIdInfos");
    identification.putObject("orgStudyIdInfo").put("id", "IK-" + nct);
    String document = study.toString();
    String key = newKey();
    Response first = importStudy(key, document);
    first.then().statusCode(201).body("outcome", equalTo("CREATED"));
    String id = first.path("trial.id");
    long audit = count("SELECT count(*) FROM audit_entry WHERE trial_id = ?", id);
    Response retry = importStudy(key, document);
    assertSameAnswer(first, retry);
    assertThat(count("SELECT count(*) FROM audit_entry WHERE trial_id = ?", id)).isEqualTo(audit);
    assertThat(
            count(
                "SELECT count(*) FROM trial_secondary_id WHERE registry = 'NCT' AND value = ?",
                nct))
        .isEqualTo(1);
    // without the key the same document is an import of a study the consortium has: no new trial
    as("registrant")
        .contentType(ContentType.JSON)
        .accept("application/json, application/x-ndjson")
        .body(document)
        .post("/api/v1/imports/clinicaltrials-gov")
        .then()
        .statusCode(200);
    importStudy(key, ImportCtgovTest.document("NCT04431453").toString()).then().statusCode(422);
  }

  private static Response importStudy(String key, String document) {
    return as("registrant")
        .header("Idempotency-Key", key)
        .contentType(ContentType.JSON)
        .accept("application/json, application/x-ndjson")
        .body(document)
        .post("/api/v1/imports/clinicaltrials-gov");
  }
}
