package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.psybiome.biomarker.model.Assay;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.model.ResultCount;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.ResultView;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.WithheldAnalytes;

/**
 * Every read of stored results, in plain JDBC, through the {@code current_result} view: a corrected
 * result is read with its latest correction, so queries, export, summaries and drift agree.
 */
@ApplicationScoped
public class CurrentResultStore {

  private static final String COLUMNS =
      "id, participant_code, visit_code, sample_id, specimen, collected_at, analyte_code,"
          + " original_value, original_unit, standard_value, standard_unit, comparator, censored,"
          + " qc_status, registered, corrected, corrected_at, batch_id, assay_method, assay_kit, assay_lot,"
          + " assay_run, lloq, uloq, basis";

  private final AgroalDataSource dataSource;

  CurrentResultStore(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A stored result and its id, the keyset position of paging and the export's order. */
  public record StoredResult(long id, ResultView view) {}

  /** Receives the rows of an export one at a time. */
  @FunctionalInterface
  public interface ResultSink {
    void accept(StoredResult result) throws IOException;
  }

  /** Up to {@code limit} results matching {@code filter} with an id above {@code afterId}. */
  public List<StoredResult> page(ResultFilter filter, long afterId, int limit) {
    List<Object> values = new ArrayList<>();
    String sql = select(filter, afterId, values) + " LIMIT ?";
    values.add(limit);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, values);
      List<StoredResult> page = new ArrayList<>(limit);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          page.add(stored(row));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read results", e);
    }
  }

  /**
   * Hands every result matching {@code filter}, in id order, to {@code sink} as the database
   * returns them: a server-side cursor reads {@code fetchSize} rows at a time, so memory stays
   * constant however many rows the trial has. The cursor needs a transaction; it is a read-only one
   * on a connection of its own rather than a JTA transaction, whose timeout would cut off a long
   * export to a slow client. Returns the number of rows handed over. A failure of the database
   * arrives as an IOException too: for the download it is the same, the response is cut short.
   */
  public long stream(ResultFilter filter, int fetchSize, ResultSink sink) throws IOException {
    List<Object> values = new ArrayList<>();
    String sql = select(filter, 0, values);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setFetchSize(fetchSize);
        bind(select, values);
        long rows = 0;
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            sink.accept(stored(row));
            rows++;
          }
        }
        connection.commit();
        return rows;
      } catch (IOException | SQLException | RuntimeException e) {
        // the client went away or the database failed: end the cursor's transaction now
        connection.rollback();
        throw e;
      } finally {
        connection.setReadOnly(false);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IOException("Cannot read the results of " + filter.trialId(), e);
    }
  }

  /** Receives the number of rows an export will hand over, then the rows. */
  public interface CountedResultSink extends ResultSink {
    void count(long rows) throws IOException;
  }

  /**
   * Hands the trial's results of analytes outside {@code excludedLayer} to {@code sink} grouped by
   * participant, then analyte and specimen, then visit in {@code visitOrder} (visits not in it
   * last, by code), then collection time and id: the order in which a subject's records of a test
   * are numbered and its baseline record is found. The count comes first, read in the same snapshot
   * (REPEATABLE READ) as the cursor, so it equals the rows that follow even while batches arrive.
   * PostgreSQL sorts the rows (on disk for a large trial); the service holds none of them.
   * Otherwise as {@link #stream}.
   */
  public long streamBySubject(
      String trialId,
      List<String> visitOrder,
      String excludedLayer,
      WithheldAnalytes withheld,
      int fetchSize,
      CountedResultSink sink)
      throws IOException {
    String where =
        " FROM current_result WHERE trial_id = ?"
            + " AND analyte_code IN (SELECT code FROM analyte WHERE layer <> ?)"
            + (withheld == null ? "" : " AND NOT " + WITHHELD);
    List<Object> values = new ArrayList<>();
    values.add(trialId);
    values.add(excludedLayer);
    if (withheld != null) {
      withheld(values, withheld);
    }
    String sql =
        "SELECT "
            + COLUMNS
            + where
            + " ORDER BY participant_code, analyte_code, specimen,"
            + " array_position(?, visit_code) NULLS LAST, visit_code, collected_at, id";
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      try (PreparedStatement count = connection.prepareStatement("SELECT count(*)" + where);
          PreparedStatement select = connection.prepareStatement(sql)) {
        bind(count, values);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          sink.count(row.getLong(1));
        }
        select.setFetchSize(fetchSize);
        bind(select, values);
        select.setArray(values.size() + 1, connection.createArrayOf("text", visitOrder.toArray()));
        long rows = 0;
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            sink.accept(stored(row));
            rows++;
          }
        }
        connection.commit();
        return rows;
      } catch (IOException | SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setReadOnly(false);
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IOException("Cannot read the results of " + trialId, e);
    }
  }

  /**
   * A participant's results of an analyte at a visit, as summaries use them. Of the results that
   * did not fail QC, the latest — by collection time, then by the order the service registered them
   * (result id) — is the participant's: its standard value (null when every result failed), whether
   * it is censored, whether its QC is WARN. Then how many results failed QC, and the latest's
   * comparator ({@code <} below the lower limit of quantification, {@code >} above the upper), and
   * when it was collected (null when every result failed), against which its visit window is held.
   */
  public record ParticipantValue(
      String participant,
      String visit,
      BigDecimal latest,
      boolean latestCensored,
      boolean latestWarn,
      int failedResults,
      String latestComparator,
      java.time.Instant latestCollectedAt,
      String latestRun) {

    /** A value whose run is not asked for. */
    public ParticipantValue(
        String participant,
        String visit,
        BigDecimal latest,
        boolean latestCensored,
        boolean latestWarn,
        int failedResults,
        String latestComparator,
        java.time.Instant latestCollectedAt) {
      this(
          participant,
          visit,
          latest,
          latestCensored,
          latestWarn,
          failedResults,
          latestComparator,
          latestCollectedAt,
          null);
    }
  }

  /**
   * One row per participant and visit (of those given) with results of the analyte. The choice of
   * the latest result is made in the database, so a summary reads one row per participant and
   * visit, found through the (trial, analyte, visit) index, whatever else is stored. Results with
   * QC FAIL are only counted: a failed measurement is never the participant's result. A censored
   * latest result is the participant's too: an older number does not stand in for it.
   */
  public List<ParticipantValue> participantValues(
      String trialId, String analyte, Set<String> visits) {
    return participantValues(trialId, analyte, visits, null);
  }

  /** As above, of one specimen's results only (of every specimen when null). */
  public List<ParticipantValue> participantValues(
      String trialId, String analyte, Set<String> visits, Specimen specimen) {
    return participantValues(trialId, analyte, visits, specimen, null);
  }

  /** As above, of one stool basis (WET, DRY) only, too (of any basis when null). */
  public List<ParticipantValue> participantValues(
      String trialId, String analyte, Set<String> visits, Specimen specimen, String basis) {
    // One sort, then the first row of each participant and visit: results that did not fail QC
    // first, the latest of them first; a group whose first row failed has failed throughout, and
    // its value columns are null. (Seven ordered array_agg()s did the same at about twice the
    // cost.)
    String kept = "CASE WHEN qc_status <> 'FAIL' THEN ";
    String sql =
        "SELECT DISTINCT ON (participant_code, visit_code) participant_code, visit_code, "
            + kept
            + "standard_value END, "
            + kept
            + "censored END, "
            + kept
            + "qc_status END,"
            + " count(*) FILTER (WHERE qc_status = 'FAIL')"
            + " OVER (PARTITION BY participant_code, visit_code), "
            + kept
            + "comparator END, "
            + kept
            + "collected_at END, "
            + kept
            + "assay_run END"
            + " FROM current_result"
            + " WHERE trial_id = ? AND analyte_code = ? AND visit_code = ANY (?)"
            + (specimen == null ? "" : " AND specimen = ?")
            + (basis == null ? "" : " AND basis = ?")
            + " ORDER BY participant_code, visit_code, qc_status = 'FAIL', collected_at DESC, id DESC";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, trialId);
      select.setString(2, analyte);
      select.setArray(3, connection.createArrayOf("text", visits.toArray()));
      int next = 4;
      if (specimen != null) {
        select.setString(next++, specimen.name());
      }
      if (basis != null) {
        select.setString(next, basis);
      }
      List<ParticipantValue> values = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          Timestamp collectedAt = row.getTimestamp(8);
          values.add(
              new ParticipantValue(
                  row.getString(1),
                  row.getString(2),
                  row.getBigDecimal(3),
                  row.getBoolean(4),
                  QcStatus.WARN.name().equals(row.getString(5)),
                  row.getInt(6),
                  row.getString(7),
                  collectedAt == null ? null : collectedAt.toInstant(),
                  row.getString(9)));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read results of " + analyte, e);
    }
  }

  /** A current result that is part of a sample's genus profile. */
  public record ProfileRow(
      long id,
      String participant,
      String visit,
      String sampleId,
      String analyte,
      BigDecimal standardValue,
      boolean censored,
      String qcStatus,
      java.time.Instant collectedAt) {}

  /**
   * The trial's results at those visits that belong to genus profiles: of the catalogue's measured
   * analytes with an NCBI taxon, and of {@code unclassified}; of one specimen only unless null.
   */
  public List<ProfileRow> profileRows(
      String trialId, Set<String> visits, String unclassified, Specimen specimen) {
    String sql =
        "SELECT id, participant_code, visit_code, sample_id, analyte_code, standard_value,"
            + " censored, qc_status, collected_at FROM current_result"
            + " WHERE trial_id = ? AND visit_code = ANY (?)"
            + " AND analyte_code IN (SELECT code FROM analyte"
            + " WHERE (ncbi_taxon_id IS NOT NULL AND NOT derived) OR code = ?)"
            + (specimen == null ? "" : " AND specimen = ?");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, trialId);
      select.setArray(2, connection.createArrayOf("text", visits.toArray()));
      select.setString(3, unclassified);
      if (specimen != null) {
        select.setString(4, specimen.name());
      }
      List<ProfileRow> rows = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(
              new ProfileRow(
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
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the genus profiles of " + trialId, e);
    }
  }

  /**
   * The specimens of the trial's results of an analyte, in the enum's order. Read from {@code
   * result_specimen}, which a trigger keeps as results are stored (a correction never changes a
   * result's specimen), instead of from every result of the analyte.
   */
  public List<Specimen> specimens(String trialId, String analyte) {
    List<Specimen> specimens =
        new ArrayList<>(
            strings(
                    "SELECT specimen FROM result_specimen WHERE trial_id = ? AND analyte_code = ?",
                    trialId,
                    analyte)
                .stream()
                .map(Specimen::valueOf)
                .toList());
    specimens.sort(null); // in the order of the enum, as the catalogue lists them
    return specimens;
  }

  /** What a trial's results of an analyte give as basis (WET, DRY), null for unspecified. */
  public Set<String> bases(String trialId, String analyte, Specimen specimen) {
    String sql = "SELECT DISTINCT basis FROM result WHERE trial_id = ? AND analyte_code = ?";
    return new java.util.HashSet<>(
        specimen == null
            ? strings(sql, trialId, analyte)
            : strings(sql + " AND specimen = ?", trialId, analyte, specimen.name()));
  }

  /**
   * Per visit and analyte, the number of the trial's results and of its censored ones. Read from
   * the results joined to the trial's latest corrections (the few there are), not through the
   * current_result view, whose per-row correction lookup made this 3-4 times slower on a trial of
   * 140 000 results (733-746 ms against 218-227 ms, bench/results/summary-plans).
   */
  public List<ResultCount> counts(String trialId) {
    String sql =
        "SELECT r.visit_code, r.analyte_code, count(*),"
            + " count(*) FILTER (WHERE COALESCE(c.censored, r.censored))"
            + " FROM result r LEFT JOIN (SELECT DISTINCT ON (result_id) result_id, censored"
            + " FROM result_correction WHERE trial_id = ? ORDER BY result_id, id DESC) c"
            + " ON c.result_id = r.id"
            + " WHERE r.trial_id = ?"
            + " GROUP BY r.visit_code, r.analyte_code ORDER BY r.visit_code, r.analyte_code";
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, trialId);
      select.setString(2, trialId);
      List<ResultCount> counts = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          counts.add(
              new ResultCount(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot count the results of " + trialId, e);
    }
  }

  /**
   * The catalogue's analytes the trial has results of at {@code visit}: one index probe per analyte
   * (a correction never changes a result's analyte or visit).
   */
  public List<String> analytesAt(String trialId, String visit) {
    return strings(
        "SELECT a.code FROM analyte a WHERE EXISTS (SELECT 1 FROM result r"
            + " WHERE r.trial_id = ? AND r.analyte_code = a.code AND r.visit_code = ?)"
            + " ORDER BY a.code",
        trialId,
        visit);
  }

  /** The first column of each row of {@code sql}, run with {@code params} (nulls kept). */
  private List<String> strings(String sql, String... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        select.setString(i + 1, params[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          values.add(row.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + sql, e);
    }
  }

  private static String select(ResultFilter filter, long afterId, List<Object> values) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM current_result WHERE trial_id = ? AND id > ?");
    values.add(filter.trialId());
    values.add(afterId);
    condition(sql, values, "participant_code", filter.participant());
    condition(sql, values, "visit_code", filter.visit());
    condition(sql, values, "analyte_code", filter.analyte());
    if (filter.withheld() != null) {
      sql.append(" AND NOT ").append(WITHHELD);
      withheld(values, filter.withheld());
    }
    return sql.append(" ORDER BY id").toString();
  }

  /** A result of one of the withheld analytes: by code, or by the catalogue's layer. */
  private static final String WITHHELD =
      "(analyte_code = ANY (?) OR analyte_code IN (SELECT code FROM analyte WHERE layer = ?))";

  private static void withheld(List<Object> values, WithheldAnalytes withheld) {
    values.add(withheld.codes().toArray(String[]::new));
    values.add(withheld.layer() == null ? null : withheld.layer().name());
  }

  /**
   * How many results match {@code filter} (its trial, participant, visit and analyte) among the
   * analytes it withholds: what a read left out.
   */
  public long countWithheld(ResultFilter filter) {
    if (filter.withheld() == null) {
      return 0;
    }
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT count(*) FROM current_result WHERE trial_id = ?");
    values.add(filter.trialId());
    condition(sql, values, "participant_code", filter.participant());
    condition(sql, values, "visit_code", filter.visit());
    condition(sql, values, "analyte_code", filter.analyte());
    sql.append(" AND ").append(WITHHELD);
    withheld(values, filter.withheld());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql.toString())) {
      bind(select, values);
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot count the withheld results of " + filter.trialId(), e);
    }
  }

  private static void condition(
      StringBuilder sql, List<Object> values, String column, String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      values.add(value);
    }
  }

  private static void bind(PreparedStatement statement, List<Object> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) instanceof String[] texts) {
        statement.setArray(i + 1, statement.getConnection().createArrayOf("text", texts));
      } else if (values.get(i) == null) {
        statement.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        statement.setObject(i + 1, values.get(i));
      }
    }
  }

  private static StoredResult stored(ResultSet row) throws SQLException {
    Timestamp correctedAt = row.getTimestamp(17);
    return new StoredResult(
        row.getLong(1),
        new ResultView(
            row.getLong(1),
            row.getString(2),
            row.getString(3),
            row.getString(4),
            Specimen.valueOf(row.getString(5)),
            row.getTimestamp(6).toInstant(),
            row.getString(7),
            row.getBigDecimal(8),
            row.getString(9),
            row.getBigDecimal(10),
            row.getString(11),
            row.getString(12),
            row.getBoolean(13),
            QcStatus.valueOf(row.getString(14)),
            row.getBoolean(15),
            row.getBoolean(16),
            correctedAt == null ? null : correctedAt.toInstant(),
            row.getObject(18, UUID.class),
            new Assay(
                row.getString(19),
                row.getString(20),
                row.getString(21),
                row.getString(22),
                row.getBigDecimal(23),
                row.getBigDecimal(24),
                row.getString(25))));
  }
}
