package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.service.ingest.CheckedResult;

/**
 * Batches and their results, in plain JDBC. A batch may hold 100 000 rows: as ORM entities that
 * would be 100 000 managed objects and as many single INSERTs; here they go as JDBC batches, which
 * the driver ({@code reWriteBatchedInserts}) turns into multi-row INSERTs. Inside a JTA transaction
 * Agroal hands out the connection enlisted in it, so everything commits together.
 */
@ApplicationScoped
public class ResultStore {

  /** Rows per executeBatch: bounds the driver's memory while keeping round trips few. */
  private static final int CHUNK = 2_000;

  private static final String INSERT_BATCH =
      "INSERT INTO batch (id, trial_id, received_at, rows, censored, unregistered, analytes,"
          + " visits, submitted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String INSERT_RESULT =
      "INSERT INTO result (trial_id, batch_id, participant_code, visit_code, sample_id, specimen,"
          + " collected_at, analyte_code, original_value, original_unit, standard_value,"
          + " standard_unit, comparator, censored, qc_status, registered)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private static final String SELECT_BATCH =
      "SELECT id, trial_id, received_at, rows, censored, unregistered, analytes, visits,"
          + " submitted_by FROM batch WHERE id = ?";

  private final AgroalDataSource dataSource;

  ResultStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A sample measured for an analyte: reported at most once per trial. */
  public record SampleAnalyte(String sampleId, String analyte) {}

  /** Which of these samples already have a stored result, and for which analytes. */
  public Set<SampleAnalyte> storedSampleAnalytes(String trialId, Set<String> sampleIds) {
    Set<SampleAnalyte> stored = new HashSet<>();
    if (sampleIds.isEmpty()) {
      return stored;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sample_id, analyte_code FROM result"
                    + " WHERE trial_id = ? AND sample_id = ANY (?)")) {
      select.setString(1, trialId);
      select.setArray(2, connection.createArrayOf("text", sampleIds.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          stored.add(new SampleAnalyte(rows.getString(1), rows.getString(2)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read stored results", e);
    }
    return stored;
  }

  /** Writes the batch and its results; must run inside the caller's transaction. */
  public void insert(BatchSummary batch, List<CheckedResult> results) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_BATCH)) {
        insert.setObject(1, batch.id());
        insert.setString(2, batch.trialId());
        insert.setTimestamp(3, Timestamp.from(batch.receivedAt()));
        insert.setInt(4, batch.rows());
        insert.setInt(5, batch.censored());
        insert.setInt(6, batch.unregistered());
        insert.setArray(7, connection.createArrayOf("text", batch.analytes().toArray()));
        insert.setArray(8, connection.createArrayOf("text", batch.visits().toArray()));
        insert.setString(9, batch.submittedBy());
        insert.executeUpdate();
      }
      try (PreparedStatement insert = connection.prepareStatement(INSERT_RESULT)) {
        int pending = 0;
        for (CheckedResult result : results) {
          insert.setString(1, batch.trialId());
          insert.setObject(2, batch.id());
          insert.setString(3, result.participant());
          insert.setString(4, result.visit());
          insert.setString(5, result.sampleId());
          insert.setString(6, result.specimen());
          insert.setTimestamp(7, Timestamp.from(result.collectedAt()));
          insert.setString(8, result.analyte());
          insert.setBigDecimal(9, result.originalValue());
          insert.setString(10, result.originalUnit());
          insert.setBigDecimal(11, result.standardValue());
          insert.setString(12, result.standardUnit());
          if (result.comparator() == null) {
            insert.setNull(13, Types.VARCHAR);
          } else {
            insert.setString(13, result.comparator());
          }
          insert.setBoolean(14, result.censored());
          insert.setString(15, result.qcStatus());
          insert.setBoolean(16, result.registered());
          insert.addBatch();
          if (++pending == CHUNK) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
    }
  }

  public Optional<BatchSummary> batch(UUID id) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        if (!row.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new BatchSummary(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getTimestamp(3).toInstant(),
                row.getInt(4),
                row.getInt(5),
                row.getInt(6),
                texts(row.getArray(7)),
                texts(row.getArray(8)),
                row.getString(9)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read batch " + id, e);
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
