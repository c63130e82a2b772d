package org.psybiome.biomarker.service.ingest;

import java.util.List;
import java.util.UUID;
import org.psybiome.biomarker.model.BatchSummary;

/**
 * Data of {@code org.psybiome.biomarker.batch-ingested.v1}: counts and codes, never rows — a batch
 * may be far larger than a Kafka record, and its values are not for every consumer.
 */
public record BatchIngested(
    UUID batchId,
    String trialId,
    int rows,
    int censored,
    List<String> analytes,
    List<String> visits) {

  public static final String TYPE = "org.psybiome.biomarker.batch-ingested.v1";
  public static final String TOPIC = "psybiome.biomarker.events";

  static BatchIngested of(BatchSummary batch) {
    return new BatchIngested(
        batch.id(),
        batch.trialId(),
        batch.rows(),
        batch.censored(),
        batch.analytes(),
        batch.visits());
  }
}
