package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The append-only {@code result_correction} table (V7): a result is never updated, each correction
 * is a new row, and {@code current_result} shows the latest.
 */
@ApplicationScoped
public class CorrectionStore {

  /** Namespace of the advisory locks that serialise corrections of one result. */
  private static final int LOCK_CLASS = 7_307;

  /** A value of a result: as reported, or as a correction set it. */
  public record Value(
      BigDecimal originalValue,
      String originalUnit,
      BigDecimal standardValue,
      String standardUnit,
      String comparator,
      boolean censored,
      String qcStatus) {}

  /** A result as reported, with who reported it, and its value in force. */
  public record StoredResult(
      long id,
      String trialId,
      UUID batchId,
      String participant,
      String visit,
      String sampleId,
      String analyte,
      Instant collectedAt,
      Value reported,
      String reportedBy,
      Instant reportedAt,
      Value current) {}

  /** A stored correction. */
  public record Correction(
      long id,
      long resultId,
      Value value,
      String reason,
      String correctedBy,
      Instant correctedAt) {}

  private final AgroalDataSource dataSource;

  CorrectionStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Serialises corrections of one result until the transaction ends, so that each one's "previous
   * value" is the one it replaced. (The app role may not UPDATE result, so no row lock.)
   */
  @Transactional(TxType.MANDATORY)
  public void lock(long resultId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement lock =
            connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, LOCK_CLASS);
      lock.setInt(2, Long.hashCode(resultId));
      lock.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot lock result " + resultId, e);
    }
  }

  public Optional<StoredResult> result(String trialId, long resultId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT r.id, r.trial_id, r.batch_id, r.participant_code, r.visit_code,"
                    + " r.sample_id, r.analyte_code, r.collected_at,"
                    + " r.original_value, r.original_unit, r.standard_value, r.standard_unit,"
                    + " r.comparator, r.censored, r.qc_status, b.submitted_by, r.created_at,"
                    + " c.original_value, c.original_unit, c.standard_value, c.standard_unit,"
                    + " c.comparator, c.censored, c.qc_status"
                    + " FROM result r JOIN batch b ON b.id = r.batch_id"
                    + " JOIN current_result c ON c.id = r.id"
                    + " WHERE r.id = ? AND r.trial_id = ?")) {
      select.setLong(1, resultId);
      select.setString(2, trialId);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new StoredResult(
                row.getLong(1),
                row.getString(2),
                row.getObject(3, UUID.class),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getTimestamp(8).toInstant(),
                value(row, 9),
                row.getString(16),
                row.getTimestamp(17).toInstant(),
                value(row, 18)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read result " + resultId, e);
    }
  }

  /** Appends a correction in the caller's transaction. */
  @Transactional(TxType.MANDATORY)
  public Correction insert(
      long resultId, String trialId, Value value, String reason, String correctedBy) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO result_correction (result_id, trial_id, original_value,"
                    + " original_unit, standard_value, standard_unit, comparator, censored,"
                    + " qc_status, reason, corrected_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + " RETURNING id, corrected_at")) {
      insert.setLong(1, resultId);
      insert.setString(2, trialId);
      insert.setBigDecimal(3, value.originalValue());
      insert.setString(4, value.originalUnit());
      insert.setBigDecimal(5, value.standardValue());
      insert.setString(6, value.standardUnit());
      if (value.comparator() == null) {
        insert.setNull(7, Types.VARCHAR);
      } else {
        insert.setString(7, value.comparator());
      }
      insert.setBoolean(8, value.censored());
      insert.setString(9, value.qcStatus());
      insert.setString(10, reason);
      insert.setString(11, correctedBy);
      try (ResultSet row = insert.executeQuery()) {
        row.next();
        return new Correction(
            row.getLong(1), resultId, value, reason, correctedBy, row.getTimestamp(2).toInstant());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot store a correction of result " + resultId, e);
    }
  }

  /** The corrections of a result, oldest first. */
  public List<Correction> ofResult(long resultId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, original_value, original_unit, standard_value, standard_unit,"
                    + " comparator, censored, qc_status, reason, corrected_by, corrected_at"
                    + " FROM result_correction WHERE result_id = ? ORDER BY id")) {
      select.setLong(1, resultId);
      List<Correction> corrections = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          corrections.add(
              new Correction(
                  row.getLong(1),
                  resultId,
                  value(row, 2),
                  row.getString(9),
                  row.getString(10),
                  row.getTimestamp(11).toInstant()));
        }
      }
      return corrections;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the corrections of result " + resultId, e);
    }
  }

  private static Value value(ResultSet row, int first) throws SQLException {
    return new Value(
        row.getBigDecimal(first),
        row.getString(first + 1),
        row.getBigDecimal(first + 2),
        row.getString(first + 3),
        row.getString(first + 4),
        row.getBoolean(first + 5),
        row.getString(first + 6));
  }
}
