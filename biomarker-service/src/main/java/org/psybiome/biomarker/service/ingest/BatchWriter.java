package org.psybiome.biomarker.service.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.psybiome.biomarker.events.BatchIngested;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.repository.DuplicateResultException;
import org.psybiome.biomarker.repository.IdempotencyKeyStore;
import org.psybiome.biomarker.repository.IdempotencyKeyStore.ScopedKey;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.biomarker.service.AnalyteService;
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

  private final ResultStore results;
  private final Outbox outbox;
  private final IdempotencyKeyStore keys;
  private final CorrectionWriter corrections;
  private final AnalyteService catalogue;

  BatchWriter(
      ResultStore results,
      Outbox outbox,
      IdempotencyKeyStore keys,
      CorrectionWriter corrections,
      AnalyteService catalogue) {
    this.catalogue = catalogue;
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
      BatchSummary batch, CheckedBatch rows, ScopedKey idempotencyKey, String responseBody) {
    // results reference their analyte: genera reported for the first time join the catalogue
    catalogue.addGenera(rows.newGenera());
    try {
      results.insert(batch, rows.rows());
    } catch (DuplicateResultException e) {
      // another batch stored the same sample and analyte between our check and this insert
      throw ProblemException.conflict(
          "Another batch stored results for some of these samples meanwhile; nothing was stored");
    }
    outbox.append(
        new OutboxEvent(BatchIngested.TOPIC, batch.trialId(), BatchIngested.TYPE, ingested(batch)));
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

  private static BatchIngested ingested(BatchSummary batch) {
    return new BatchIngested(
        batch.id(),
        batch.trialId(),
        batch.rows(),
        batch.censored(),
        batch.analytes(),
        batch.visits());
  }
}
