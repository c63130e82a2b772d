package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The results in force (reported or corrected, through {@code current_result}) of given samples:
 * what derived analytes are computed from when their inputs arrive in several batches or change.
 */
@ApplicationScoped
public class SampleResultStore {

  /** A result in force of a sample. */
  public record SampleResult(
      long id,
      String sampleId,
      String participant,
      String visit,
      String analyte,
      BigDecimal standardValue,
      boolean censored,
      String qcStatus,
      Instant collectedAt) {}

  private final AgroalDataSource dataSource;

  SampleResultStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The results in force of these samples of the trial (joins the caller's transaction). */
  public List<SampleResult> ofSamples(String trialId, Collection<String> sampleIds) {
    List<SampleResult> found = new ArrayList<>();
    if (sampleIds.isEmpty()) {
      return found;
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT id, sample_id, participant_code, visit_code, analyte_code,"
                    + " standard_value, censored, qc_status, collected_at FROM current_result"
                    + " WHERE trial_id = ? AND sample_id = ANY (?)")) {
      select.setString(1, trialId);
      select.setArray(2, connection.createArrayOf("text", sampleIds.toArray()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          found.add(
              new SampleResult(
                  row.getLong(1),
                  row.getString(2),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getBigDecimal(6),
                  row.getBoolean(7),
                  row.getString(8),
                  row.getTimestamp(9).toInstant()));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the results of samples", e);
    }
    return found;
  }
}
