package org.psybiome.trial.api;

import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.common.problem.Problem;

/**
 * One line of a many-study import: a study's outcome with its trial and report, or its problem; the
 * last line is the summary.
 */
@Schema(requiredProperties = {"outcome"})
public record ImportLine(
    @Schema(description = "The study's position in the body, from 0; absent on the summary")
        Integer index,
    @Schema(description = "The study's NCT number, when it has one") String sourceId,
    Outcome outcome,
    @Schema(description = "The trial it became or updated") String trialId,
    @Schema(description = "The trial's version after the import") Integer version,
    @Schema(description = "What the import did with the document") ImportReport report,
    @Schema(description = "Why the study was refused (REFUSED only)") Problem problem,
    @Schema(description = "How many studies had each outcome (SUMMARY only)")
        Map<Outcome, Integer> counts) {

  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REFUSED,
    SUMMARY
  }

  public static ImportLine of(int index, ImportResult result) {
    return new ImportLine(
        index,
        result.report().sourceId(),
        Outcome.valueOf(result.outcome().name()),
        result.trial().id(),
        result.trial().version(),
        result.report(),
        null,
        null);
  }

  public static ImportLine refused(int index, String sourceId, Problem problem) {
    return new ImportLine(index, sourceId, Outcome.REFUSED, null, null, null, problem, null);
  }

  public static ImportLine summary(Map<Outcome, Integer> counts) {
    Map<Outcome, Integer> all = new java.util.EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      if (outcome != Outcome.SUMMARY) {
        all.put(outcome, counts.getOrDefault(outcome, 0));
      }
    }
    return new ImportLine(null, null, Outcome.SUMMARY, null, null, null, null, all);
  }
}
