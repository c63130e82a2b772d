package org.psybiome.persistence.idempotency;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code idempotent_request} table each service creates (see the README): claimed keys and the
 * responses to replay. Plain JDBC on the pool's connection, so that {@link #complete} joins the JTA
 * transaction of the write it answers.
 */
@ApplicationScoped
public class IdempotentRequests {

  static final String IN_FLIGHT = "IN_FLIGHT";
  static final String COMPLETED = "COMPLETED";

  /** A key as stored; the response is null while IN_FLIGHT. */
  public record Existing(String fingerprint, String state, StoredResponse response) {
    boolean inFlight() {
      return IN_FLIGHT.equals(state);
    }
  }

  // Only for the header map of a stored response: a plain mapper, not the REST one.
  private static final ObjectMapper HEADERS = new ObjectMapper();
  private static final String WHERE_KEY =
      " WHERE consortium = ? AND subject = ? AND operation = ? AND key = ?";

  private final AgroalDataSource dataSource;

  IdempotentRequests(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Claims the key in a transaction of its own, committed at once so that a concurrent duplicate
   * sees it. A key that exists is taken over only when expired: IN_FLIGHT for longer than {@code
   * lease} (its instance died; its write rolled back with it), COMPLETED for longer than {@code
   * retention}.
   *
   * @return the claim's token, or empty when the key is live
   */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<UUID> claim(IdempotentRequest request, Duration lease, Duration retention) {
    UUID token = UUID.randomUUID();
    String sql =
        "INSERT INTO idempotent_request (consortium, subject, operation, key, fingerprint, claim,"
            + " state, claimed_at) VALUES (?, ?, ?, ?, ?, ?, 'IN_FLIGHT', now())"
            + " ON CONFLICT (consortium, subject, operation, key) DO UPDATE SET"
            + " fingerprint = EXCLUDED.fingerprint, claim = EXCLUDED.claim, state = 'IN_FLIGHT',"
            + " claimed_at = now(), completed_at = NULL, response_status = NULL,"
            + " response_headers = NULL, response_body = NULL"
            + " WHERE (idempotent_request.state = 'IN_FLIGHT'"
            + " AND idempotent_request.claimed_at < now() - ? * interval '1 millisecond')"
            + " OR (idempotent_request.state = 'COMPLETED'"
            + " AND idempotent_request.completed_at < now() - ? * interval '1 millisecond')"
            + " RETURNING claim";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement claim = connection.prepareStatement(sql)) {
      bindKey(claim, request, 1);
      claim.setString(5, request.fingerprint());
      claim.setObject(6, token);
      claim.setLong(7, lease.toMillis());
      claim.setLong(8, retention.toMillis());
      try (ResultSet row = claim.executeQuery()) {
        return row.next() ? Optional.of(token) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot claim an idempotency key", e);
    }
  }

  /** The key as stored now, if it is. */
  @Transactional(TxType.REQUIRES_NEW)
  public Optional<Existing> find(IdempotentRequest request) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT fingerprint, state, response_status, response_headers, response_body"
                    + " FROM idempotent_request"
                    + WHERE_KEY)) {
      bindKey(select, request, 1);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        StoredResponse response = null;
        if (COMPLETED.equals(row.getString(2))) {
          Map<String, String> headers =
              HEADERS.readValue(row.getString(4), new TypeReference<Map<String, String>>() {});
          response = new StoredResponse(row.getInt(3), headers, row.getBytes(5));
        }
        return Optional.of(new Existing(row.getString(1), row.getString(2), response));
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot read an idempotency key", e);
    }
  }

  /**
   * Records the response to replay, in the transaction of the write it answers: the key is
   * COMPLETED if and only if the write commits. A claim taken over meanwhile (this request outlived
   * its lease) fails the write, so that it is never stored twice.
   */
  @Transactional(TxType.MANDATORY)
  public void complete(IdempotentRequest request, UUID claim, StoredResponse response) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE idempotent_request SET state = 'COMPLETED', completed_at = now(),"
                    + " response_status = ?, response_headers = ?, response_body = ?"
                    + WHERE_KEY
                    + " AND claim = ? AND state = 'IN_FLIGHT'")) {
      update.setInt(1, response.status());
      update.setString(2, HEADERS.writeValueAsString(response.headers()));
      update.setBytes(3, response.body());
      bindKey(update, request, 4);
      update.setObject(8, claim);
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException(
            "The claim of an Idempotency-Key expired before its write completed");
      }
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("Cannot complete an idempotency key", e);
    }
  }

  /** Frees a claim whose request was refused or failed, so that a retry can use the key. */
  @Transactional(TxType.REQUIRES_NEW)
  public void release(IdempotentRequest request, UUID claim) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM idempotent_request"
                    + WHERE_KEY
                    + " AND claim = ? AND state = 'IN_FLIGHT'")) {
      bindKey(delete, request, 1);
      delete.setObject(5, claim);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot release an idempotency key", e);
    }
  }

  /**
   * Deletes COMPLETED keys older than {@code retention} and IN_FLIGHT ones abandoned for as long.
   *
   * @return how many were deleted
   */
  @Transactional(TxType.REQUIRES_NEW)
  public int deleteExpired(Duration retention) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement delete =
            connection.prepareStatement(
                "DELETE FROM idempotent_request WHERE (state = 'COMPLETED'"
                    + " AND completed_at < now() - ? * interval '1 millisecond')"
                    + " OR (state = 'IN_FLIGHT'"
                    + " AND claimed_at < now() - ? * interval '1 millisecond')")) {
      delete.setLong(1, retention.toMillis());
      delete.setLong(2, retention.toMillis());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot delete expired idempotency keys", e);
    }
  }

  private static void bindKey(PreparedStatement statement, IdempotentRequest request, int first)
      throws SQLException {
    statement.setString(first, request.consortium());
    statement.setString(first + 1, request.subject());
    statement.setString(first + 2, request.operation());
    statement.setString(first + 3, request.key());
  }
}
