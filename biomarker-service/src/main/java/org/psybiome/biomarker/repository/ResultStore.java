package org.psybiome.biomarker.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.model.CheckedResult;
import org.psybiome.biomarker.model.NotDerivedNote;

/**
 * Batches and their results, in plain JDBC. A batch may hold 100 000 rows: as ORM entities that
 * would be 100 000 managed objects and as many single INSERTs; here they are streamed with COPY.
 * Inside a JTA transaction Agroal hands out the connection enlisted in it, so everything commits
 * together.
 */
@ApplicationScoped
public class ResultStore {

  /** Bytes buffered before a chunk goes to the server: memory stays flat for any batch size. */
  private static final int COPY_BUFFER = 1 << 16;

  /**
   * The order a batch's rows are written to disk in: by analyte, then visit, then participant.
   * Summaries read one analyte at one visit: written participant by participant, as pipelines send
   * them, those rows lay one per heap page (1 000 pages for a 1 000-participant trial); grouped,
   * they fill a few dozen. Ids still follow the batch's order (they are drawn first, then written
   * with the rows), so listings and exports, which go by id, keep the order the pipeline sent.
   */
  static final Comparator<CheckedResult> STORAGE_ORDER =
      Comparator.comparing(CheckedResult::analyte)
          .thenComparing(CheckedResult::visit)
          .thenComparing(CheckedResult::participant);

  /** PostgreSQL's unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String INSERT_BATCH =
      "INSERT INTO batch (id, trial_id, received_at, rows, censored, unregistered, analytes,"
          + " visits, submitted_by, not_derived) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)";

  /** Ids for a batch's rows, ascending, from the identity column's own sequence. */
  private static final String DRAW_IDS =
      "WITH seq AS (SELECT pg_get_serial_sequence('result', 'id') AS name)"
          + " SELECT nextval(seq.name) FROM seq, generate_series(1, ?)";

  // COPY writes the id given, as INSERT ... OVERRIDING SYSTEM VALUE would
  private static final String COPY_RESULTS =
      "COPY result (id, trial_id, batch_id, participant_code, visit_code, sample_id, specimen,"
          + " collected_at, analyte_code, original_value, original_unit, standard_value,"
          + " standard_unit, comparator, censored, qc_status, registered, assay_method, assay_kit,"
          + " assay_lot, assay_run, lloq, uloq, basis) FROM STDIN";

  private static final String SELECT_BATCH =
      "SELECT id, trial_id, received_at, rows, censored, unregistered, analytes, visits,"
          + " submitted_by, not_derived FROM batch WHERE id = ?";

  private static final TypeReference<List<NotDerivedNote>> NOTES = new TypeReference<>() {};

  private final AgroalDataSource dataSource;
  private final ObjectMapper json;

  ResultStore(AgroalDataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** A sample measured for an analyte: reported at most once per trial. */
  public record SampleAnalyte(String sampleId, String analyte) {}

  /**
   * Whose sample a sample id is: one participant's, at one visit, of one specimen. Results stored
   * before this was checked may disagree; the first stored result then names the owner.
   */
  public record SampleOwner(String participant, String visit, String specimen) {}

  /** What is stored of some samples: their analytes, and whose samples they are. */
  public record StoredSamples(Set<SampleAnalyte> analytes, Map<String, SampleOwner> owners) {}

  /** Which of these samples already have stored results, for which analytes, and whose they are. */
  public StoredSamples storedSamples(String trialId, Set<String> sampleIds) {
    Set<SampleAnalyte> analytes = new HashSet<>();
    Map<String, SampleOwner> owners = new HashMap<>();
    if (sampleIds.isEmpty()) {
      return new StoredSamples(analytes, owners);
    }
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT sample_id, analyte_code, participant_code, visit_code, specimen"
                    + " FROM result WHERE trial_id = ? AND sample_id = ANY (?) ORDER BY id")) {
      select.setString(1, trialId);
      select.setArray(2, connection.createArrayOf("text", sampleIds.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          analytes.add(new SampleAnalyte(rows.getString(1), rows.getString(2)));
          owners.putIfAbsent(
              rows.getString(1),
              new SampleOwner(rows.getString(3), rows.getString(4), rows.getString(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read stored results", e);
    }
    return new StoredSamples(analytes, owners);
  }

  /**
   * Writes the batch and its results; must run inside the caller's transaction.
   *
   * @throws DuplicateResultException when a sample's analyte was stored meanwhile
   */
  public void insert(BatchSummary batch, List<CheckedResult> results) {
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
        insert.setString(10, notes(batch.notDerived()));
        insert.executeUpdate();
      }
      copyResults(connection, batch, results);
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw new DuplicateResultException(e);
      }
      throw new IllegalStateException("Cannot store the batch", e);
    }
  }

  private static long[] drawIds(Connection connection, int count) throws SQLException {
    long[] ids = new long[count];
    try (PreparedStatement draw = connection.prepareStatement(DRAW_IDS)) {
      draw.setInt(1, count);
      try (ResultSet drawn = draw.executeQuery()) {
        int i = 0;
        while (drawn.next()) {
          ids[i++] = drawn.getLong(1);
        }
        if (i != count) {
          throw new IllegalStateException("Drew " + i + " ids for " + count + " results");
        }
      }
    }
    // one session's nextval calls ascend, whatever other sessions draw meanwhile
    return ids;
  }

  /** The batch's row indexes in {@link #STORAGE_ORDER}; equal rows keep the batch's order. */
  static List<Integer> storageOrder(List<CheckedResult> results) {
    List<Integer> order = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(results::get, STORAGE_ORDER)); // List.sort is stable
    return order;
  }

  /**
   * Streams the rows with COPY: measured on this machine kind at 1.5-3× the rate of batched
   * multi-row INSERTs for 100 000 rows (biomarker-service/README.md, "Ingestion speed"). COPY runs
   * on the connection enlisted in the JTA transaction, so the rows still commit or roll back with
   * the batch, its event and its idempotency key.
   */
  private static void copyResults(
      Connection connection, BatchSummary batch, List<CheckedResult> results) throws SQLException {
    long[] ids = drawIds(connection, results.size());
    PGConnection pg = connection.unwrap(PGConnection.class);
    String batchId = batch.id().toString();
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new PGCopyOutputStream(pg, COPY_RESULTS, COPY_BUFFER), StandardCharsets.UTF_8),
            COPY_BUFFER)) {
      CopyRows rows = new CopyRows(out);
      for (int index : storageOrder(results)) {
        CheckedResult result = results.get(index);
        rows.plain(Long.toString(ids[index]))
            .field(batch.trialId())
            .plain(batchId)
            .field(result.participant())
            .field(result.visit())
            .field(result.sampleId())
            .field(result.specimen())
            .plain(result.collectedAt().toString())
            .field(result.analyte())
            .plain(result.originalValue().toPlainString())
            .field(result.originalUnit())
            .plain(result.standardValue().toPlainString())
            .field(result.standardUnit())
            .field(result.comparator())
            .plain(result.censored() ? "t" : "f")
            .field(result.qcStatus())
            .plain(result.registered() ? "t" : "f")
            .field(result.assay().method())
            .field(result.assay().kit())
            .field(result.assay().lot())
            .field(result.assay().run())
            .plain(plain(result.assay().lloq()))
            .plain(plain(result.assay().uloq()))
            .plain(result.assay().basis())
            .endRow();
      }
    } catch (IOException e) {
      // PGCopyOutputStream reports the server's refusal (e.g. a unique violation) as an
      // IOException around the SQLException; keep its SQL state for the caller
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new SQLException("COPY of results failed: " + e.getMessage(), e);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
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
                row.getString(9),
                notes(row.getString(10))));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read batch " + id, e);
    }
  }

  private String notes(List<NotDerivedNote> notes) {
    try {
      return json.writeValueAsString(notes);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the batch's notes", e);
    }
  }

  private List<NotDerivedNote> notes(String stored) {
    try {
      return json.readValue(stored, NOTES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read the batch's notes", e);
    }
  }

  private static List<String> texts(Array array) throws SQLException {
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
