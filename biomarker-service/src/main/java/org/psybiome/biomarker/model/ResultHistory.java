package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A result's reported value and every correction of it, oldest first; the last is in force. */
@Schema(name = "ResultHistory")
public record ResultHistory(
    long resultId,
    String trialId,
    String participant,
    String visit,
    String sampleId,
    String analyte,
    boolean corrected,
    List<ResultRevision> revisions) {

  public ResultHistory {
    revisions = List.copyOf(revisions);
  }
}
