package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code idempotency_key} table: claimed keys and the responses to replay. */
@ApplicationScoped
public class IdempotencyKeyStore {

  public static final String IN_FLIGHT = "IN_FLIGHT";
  public static final String COMPLETED = "COMPLETED";

  /** A key as stored. */
  public record StoredKey(
      String key,
      String trialId,
      String requestHash,
      String state,
      Integer responseStatus,
      String responseBody) {}

  private final AgroalDataSource dataSource;

  IdempotencyKeyStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Claims the key, committed at once in its own transaction so that a concurrent duplicate sees
   * it. Returns false when the key exists already (whatever its state).
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(String key, String trialId, String requestHash) {
    return update(
            "INSERT INTO idempotency_key (key, trial_id, request_hash, state)"
                + " VALUES (?, ?, ?, '"
                + IN_FLIGHT
                + "') ON CONFLICT (key) DO NOTHING",
            key,
            trialId,
            requestHash)
        == 1;
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<StoredKey> find(String key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT key, trial_id, request_hash, state, response_status, response_body"
                    + " FROM idempotency_key WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        int status = row.getInt(5);
        return Optional.of(
            new StoredKey(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.wasNull() ? null : status,
                row.getString(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read an idempotency key", e);
    }
  }

  /**
   * Records the response to replay; joins the caller's transaction, so the key is completed if and
   * only if the batch it answers is stored.
   */
  @Transactional(TxType.MANDATORY)
  public void complete(String key, int status, String body) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotency_key SET state = '"
                    + COMPLETED
                    + "', response_status = ?, response_body = ? WHERE key = ?")) {
      update.setInt(1, status);
      update.setString(2, body);
      update.setString(3, key);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot complete an idempotency key", e);
    }
  }

  /** Frees a key whose request was refused or failed, so that a corrected retry may use it. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(String key) {
    update("DELETE FROM idempotency_key WHERE key = ? AND state = '" + IN_FLIGHT + "'", key);
  }

  private int update(String sql, String... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write an idempotency key", e);
    }
  }
}
