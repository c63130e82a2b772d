package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** A retried POST with an Idempotency-Key is answered, not stored again. */
@QuarkusTest
class IdempotencyKeyTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void theSameKeyAndBodyReplayTheFirstResponse() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "K-1", "IL6")));

    var first = post(trial, "application/json", body, key).then().statusCode(201).extract();
    var again = post(trial, "application/json", body, key).then().statusCode(201).extract();

    assertThat(again.body().asString()).isEqualTo(first.body().asString());
    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(count("SELECT count(*) FROM batch WHERE trial_id = ?")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?")).isEqualTo(1);

    String other = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "K-2", "IL6")));
    post(trial, "application/json", other, key)
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?")).isEqualTo(1);
  }

  @Test
  void anotherConsortiumsKeyIsItsOwn() throws Exception {
    String theirs = ResultsApi.registeredTrial(snapshots, null, "NEUROBIOME");
    String key = UUID.randomUUID().toString();
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "K-1", "IL6")));
    var mine = post(trial, "application/json", body, key).then().statusCode(201).extract();

    // the same key and body for their own trial: processed, no 422 telling them the key exists
    var their =
        post("NEUROBIOME", theirs, "application/json", body, key).then().statusCode(201).extract();
    assertThat(their.header("Location")).isNotEqualTo(mine.header("Location"));
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", theirs)).isEqualTo(1);
    // and each consortium's retry replays its own answer
    var theirAgain =
        post("NEUROBIOME", theirs, "application/json", body, key).then().statusCode(201).extract();
    assertThat(theirAgain.body().asString()).isEqualTo(their.body().asString());
    var mineAgain = post(trial, "application/json", body, key).then().statusCode(201).extract();
    assertThat(mineAgain.body().asString()).isEqualTo(mine.body().asString());
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", theirs)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?")).isEqualTo(1);
  }

  @Test
  void aRefusedBatchFreesItsKeyForTheCorrectedOne() throws Exception {
    String key = UUID.randomUUID().toString();
    String bad =
        JSON.writeValueAsString(
            List.of(with(row("MG-0001", "W0", "K-1", "IL6"), "participant", "MG-9999")));
    post(trial, "application/json", bad, key).then().statusCode(422);

    String fixed = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "K-1", "IL6")));
    post(trial, "application/json", fixed, key).then().statusCode(201).body("rows", equalTo(1));
    post(trial, "application/json", fixed, key).then().statusCode(201);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?")).isEqualTo(1);
  }

  @Test
  void aKeyStillInFlightIsAConflict() throws Exception {
    String key = UUID.randomUUID().toString();
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "K-1", "IL6")));
    // what a first request holds while it is being processed
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO idempotency_key (consortium, key, trial_id, request_hash, state)"
                    + " VALUES ('"
                    + ResultsApi.CONSORTIUM
                    + "', ?, ?, ?, 'IN_FLIGHT')")) {
      insert.setString(1, key);
      insert.setString(2, trial);
      insert.setString(
          3,
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(body.getBytes(StandardCharsets.UTF_8))));
      insert.executeUpdate();
    }

    post(trial, "application/json", body, key)
        .then()
        .statusCode(409)
        .header("Retry-After", "1")
        .contentType("application/problem+json");
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?")).isZero();
  }

  private long count(String sql) throws Exception {
    return count(sql, trial);
  }

  private long count(String sql, String trialId) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, trialId);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
