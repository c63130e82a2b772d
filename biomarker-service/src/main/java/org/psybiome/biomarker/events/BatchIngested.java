package org.psybiome.biomarker.events;

import java.util.List;
import java.util.UUID;

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
  public static final String TOPIC = BiomarkerTopics.EVENTS;

  public BatchIngested {
    analytes = List.copyOf(analytes);
    visits = List.copyOf(visits);
  }
}
