package org.psybiome.biomarker.service.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.repository.IdempotencyKeyStore;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.biomarker.service.correct.CorrectionWriter;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.outbox.Outbox;
import org.psybiome.outbox.OutboxEvent;

/**
 * Stores a checked batch in one transaction: the batch, all its results, its event and the
 * completion of its idempotency key commit together or not at all.
 */
@ApplicationScoped
public class BatchWriter {

  /** PostgreSQL's unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final ResultStore results;
  private final Outbox outbox;
  private final IdempotencyKeyStore keys;
  private final CorrectionWriter corrections;

  BatchWriter(
      ResultStore results, Outbox outbox, IdempotencyKeyStore keys, CorrectionWriter corrections) {
    this.results = results;
    this.outbox = outbox;
    this.keys = keys;
    this.corrections = corrections;
  }

  /**
   * @param idempotencyKey completed with {@code responseBody} in the same transaction; may be null
   */
  @Transactional
  public void store(
      BatchSummary batch, CheckedBatch rows, String idempotencyKey, String responseBody) {
    try {
      results.insert(batch, rows.rows());
    } catch (SQLException e) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        // another batch stored the same sample and analyte between our check and this insert
        throw ProblemException.conflict(
            "Another batch stored results for some of these samples meanwhile; nothing was stored");
      }
      throw new IllegalStateException("Cannot store the batch", e);
    }
    outbox.append(
        new OutboxEvent(
            BatchIngested.TOPIC, batch.trialId(), BatchIngested.TYPE, BatchIngested.of(batch)));
    // new inputs for a sample whose derived result is stored already: it is recomputed
    corrections.applyRecomputed(
        batch.trialId(),
        rows.recomputed(),
        "recomputed with new inputs of batch " + batch.id(),
        batch.submittedBy());
    if (idempotencyKey != null) {
      keys.complete(idempotencyKey, 201, responseBody);
    }
  }
}
