package org.psybiome.biomarker.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;

/**
 * How many results a trial has per visit and analyte (corrections applied: read from {@code
 * current_result}), for the gateway's trial overview. Visible to the same callers as the results
 * themselves: the owning consortium's pipeline, readers and statisticians.
 */
@ApplicationScoped
public class ResultCounts {

  private static final String COUNT =
      "SELECT visit_code, analyte_code, count(*), count(*) FILTER (WHERE censored)"
          + " FROM current_result WHERE trial_id = ?"
          + " GROUP BY visit_code, analyte_code ORDER BY visit_code, analyte_code";

  /** Results of an analyte at a visit. */
  @Schema(name = "ResultCount")
  public record Count(
      String visit,
      String analyte,
      @Schema(description = "results, censored ones included") long results,
      @Schema(description = "of which censored") long censored) {}

  @Schema(name = "ResultCounts")
  public record Counts(String trialId, long total, List<Count> counts) {}

  private final AgroalDataSource dataSource;
  private final TrialKnowledge knowledge;

  ResultCounts(AgroalDataSource dataSource, TrialKnowledge knowledge) {
    this.dataSource = dataSource;
    this.knowledge = knowledge;
  }

  public Counts counts(Caller caller, String trialId) {
    knowledge
        .trial(trialId)
        .filter(t -> BatchQueries.ownsAsReader(caller, t.consortium()))
        .orElseThrow(
            () -> ProblemException.notFound("No trial " + trialId + " of your consortium"));
    List<Count> counts = new ArrayList<>();
    long total = 0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(COUNT)) {
      select.setString(1, trialId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Count count =
              new Count(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4));
          counts.add(count);
          total += count.results();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count results", e);
    }
    return new Counts(trialId, total, counts);
  }
}
