package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;

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
import org.psybiome.biomarker.service.IdempotencyKeyCleanup;
import org.psybiome.biomarker.service.TrialSnapshots;

/** Keys expire: an abandoned claim past its lease is taken over, old completed keys are deleted. */
@QuarkusTest
class IdempotencyKeyExpiryTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject TrialSnapshots snapshots;
  @Inject AgroalDataSource dataSource;
  @Inject IdempotencyKeyCleanup cleanup;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void aClaimOlderThanTheLeaseIsTakenOver() throws Exception {
    String body = JSON.writeValueAsString(List.of(row("MG-0001", "W0", "L-1", "IL6")));
    String abandoned = UUID.randomUUID().toString();
    String live = UUID.randomUUID().toString();
    // left by an instance that crashed 11 minutes ago (lease: 10 minutes), and one claimed now
    insertKey(abandoned, body, "IN_FLIGHT", "now() - interval '11 minutes'", null);
    insertKey(live, body, "IN_FLIGHT", "now()", null);

    post(trial, "application/json", body, live).then().statusCode(409);
    post(trial, "application/json", body, abandoned).then().statusCode(201);
    post(trial, "application/json", body, abandoned).then().statusCode(201);
    assertThat(count("SELECT count(*) FROM result WHERE trial_id = ?", trial)).isEqualTo(1);
    assertThat(state(abandoned)).isEqualTo("COMPLETED");
  }

  @Test
  void completedKeysPastTheRetentionAreDeleted() throws Exception {
    String old = UUID.randomUUID().toString();
    String recent = UUID.randomUUID().toString();
    String stale = UUID.randomUUID().toString();
    insertKey(old, "[]", "COMPLETED", "now() - interval '8 days'", "now() - interval '8 days'");
    insertKey(recent, "[]", "COMPLETED", "now() - interval '6 days'", "now() - interval '6 days'");
    insertKey(stale, "[]", "IN_FLIGHT", "now() - interval '8 days'", null);

    cleanup.deleteExpired();

    assertThat(state(old)).isNull();
    assertThat(state(stale)).isNull();
    assertThat(state(recent)).isEqualTo("COMPLETED");
  }

  private void insertKey(
      String key, String body, String state, String claimedAt, String completedAt)
      throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO idempotency_key (consortium, key, trial_id, request_hash, state,"
                    + " claimed_at, completed_at, response_status, response_body)"
                    + " VALUES ('"
                    + ResultsApi.CONSORTIUM
                    + "', ?, ?, ?, ?, "
                    + claimedAt
                    + ", "
                    + (completedAt == null ? "NULL, NULL, NULL" : completedAt + ", 201, '{}'")
                    + ")")) {
      insert.setString(1, key);
      insert.setString(2, trial);
      insert.setString(
          3,
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(body.getBytes(StandardCharsets.UTF_8))));
      insert.setString(4, state);
      insert.executeUpdate();
    }
  }

  private String state(String key) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement("SELECT state FROM idempotency_key WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getString(1) : null;
      }
    }
  }

  private long count(String sql, String value) throws Exception {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, value);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
