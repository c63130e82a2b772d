package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/** The {@code idempotency_key} table: claimed keys and the responses to replay. */
@ApplicationScoped
public class IdempotencyKeyStore {

  public static final String IN_FLIGHT = "IN_FLIGHT";
  public static final String COMPLETED = "COMPLETED";

  /**
   * A key in its scope: keys are the consortium's own (V40), so another consortium's use of the
   * same key neither meets nor reveals it.
   */
  public record ScopedKey(String consortium, String key) {}

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
   * it. A key that exists is claimed only when it has expired: IN_FLIGHT for longer than {@code
   * lease} (its instance crashed mid-batch: nothing of it was stored, the batch is atomic) or
   * COMPLETED for longer than {@code retention} (not yet removed by the cleanup). Returns false
   * when the key exists and is live, whatever its state.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public boolean claim(
      ScopedKey key, String trialId, String requestHash, Duration lease, Duration retention) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim =
            connection.prepareStatement(
                "INSERT INTO idempotency_key (consortium, key, trial_id, request_hash, state,"
                    + " claimed_at) VALUES (?, ?, ?, ?, '"
                    + IN_FLIGHT
                    + "', now()) ON CONFLICT (consortium, key) DO UPDATE SET trial_id = EXCLUDED.trial_id,"
                    + " request_hash = EXCLUDED.request_hash, state = EXCLUDED.state,"
                    + " claimed_at = now(), created_at = now(), completed_at = NULL,"
                    + " response_status = NULL, response_body = NULL"
                    + " WHERE (idempotency_key.state = '"
                    + IN_FLIGHT
                    + "' AND idempotency_key.claimed_at < now() - ? * interval '1 millisecond')"
                    + " OR (idempotency_key.state = '"
                    + COMPLETED
                    + "' AND idempotency_key.completed_at < now() - ? * interval '1 millisecond')"
                    + " RETURNING xmax <> 0 AS taken_over")) {
      claim.setString(1, key.consortium());
      claim.setString(2, key.key());
      claim.setString(3, trialId);
      claim.setString(4, requestHash);
      claim.setLong(5, lease.toMillis());
      claim.setLong(6, retention.toMillis());
      try (ResultSet row = claim.executeQuery()) {
        if (!row.next()) {
          return false;
        }
        if (row.getBoolean(1)) {
          Log.warnf("Idempotency-Key %s had expired; taken over by a new request", key.key());
        }
        return true;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot claim an idempotency key", e);
    }
  }

  /**
   * Deletes COMPLETED keys older than {@code retention}, and IN_FLIGHT ones abandoned for as long;
   * a retry after that is a new request.
   *
   * @return how many were deleted
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int deleteExpired(Duration retention) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM idempotency_key WHERE (state = '"
                    + COMPLETED
                    + "' AND completed_at < now() - ? * interval '1 millisecond')"
                    + " OR (state = '"
                    + IN_FLIGHT
                    + "' AND claimed_at < now() - ? * interval '1 millisecond')")) {
      delete.setLong(1, retention.toMillis());
      delete.setLong(2, retention.toMillis());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot delete expired idempotency keys", e);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  public Optional<StoredKey> find(ScopedKey key) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT key, trial_id, request_hash, state, response_status, response_body"
                    + " FROM idempotency_key WHERE consortium = ? AND key = ?")) {
      select.setString(1, key.consortium());
      select.setString(2, key.key());
      return read(select);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read an idempotency key", e);
    }
  }

  /**
   * The key as {@link #claim} would find it, without claiming it: empty when it does not exist or
   * has expired (IN_FLIGHT for longer than {@code lease}, COMPLETED for longer than {@code
   * retention}), so that a claim would take it.
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<StoredKey> findLive(ScopedKey key, Duration lease, Duration retention) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT key, trial_id, request_hash, state, response_status, response_body"
                    + " FROM idempotency_key WHERE consortium = ? AND key = ?"
                    + " AND NOT ((state = '"
                    + IN_FLIGHT
                    + "' AND claimed_at < now() - ? * interval '1 millisecond')"
                    + " OR (state = '"
                    + COMPLETED
                    + "' AND completed_at < now() - ? * interval '1 millisecond'))")) {
      select.setString(1, key.consortium());
      select.setString(2, key.key());
      select.setLong(3, lease.toMillis());
      select.setLong(4, retention.toMillis());
      return read(select);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read an idempotency key", e);
    }
  }

  /**
   * Records the response to replay; joins the caller's transaction, so the key is completed if and
   * only if the batch it answers is stored.
   */
  @Transactional(TxType.MANDATORY)
  public void complete(ScopedKey key, int status, String body) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotency_key SET state = '"
                    + COMPLETED
                    + "', completed_at = now(), response_status = ?, response_body = ?"
                    + " WHERE consortium = ? AND key = ?")) {
      update.setInt(1, status);
      update.setString(2, body);
      update.setString(3, key.consortium());
      update.setString(4, key.key());
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot complete an idempotency key", e);
    }
  }

  /** Frees a key whose request was refused or failed, so that a corrected retry may use it. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(ScopedKey key) {
    update(
        "DELETE FROM idempotency_key WHERE consortium = ? AND key = ? AND state = '"
            + IN_FLIGHT
            + "'",
        key.consortium(),
        key.key());
  }

  private static Optional<StoredKey> read(PreparedStatement select) throws SQLException {
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
