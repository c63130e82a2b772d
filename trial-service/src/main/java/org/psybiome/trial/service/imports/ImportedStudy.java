package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/**
 * A source registry's study document read into the record: what the record holds, the status and
 * its dated history as the source tells them, what had no place in the record (verbatim, by JSON
 * pointer), and notes on what was defaulted and why.
 *
 * @param sourceId the study's id in the source registry (NCT number)
 * @param sourceVersion the version of the source record (ClinicalTrials.gov: last update posted)
 * @param status the overall status; UNKNOWN as the source derived it
 * @param lastKnownStatus with UNKNOWN, the status the source last knew; else null
 * @param statusHistory the statuses the source's dates show, oldest first, ending in {@code status}
 *     (or lastKnownStatus)
 * @param unmapped each item of the document without a place in the record: JSON pointer to value
 */
public record ImportedStudy(
    String sourceId,
    String sourceVersion,
    TrialContent content,
    TrialStatus status,
    TrialStatus lastKnownStatus,
    List<HistoricStatus> statusHistory,
    Map<String, JsonNode> unmapped,
    List<ImportNote> notes) {

  /** A status the trial had, from the date the source gives; reason says where it came from. */
  public record HistoricStatus(TrialStatus status, LocalDate effectiveDate, String reason) {}
}
