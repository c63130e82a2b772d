package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trial's missing-data table for an analyte: per visit of the schedule, in its order, how many
 * participants were expected to have a result and what became of them, pooled and (for callers who
 * may see the allocation) per arm.
 */
@Schema(
    name = "MissingData",
    requiredProperties = {"trialId", "analyte", "byArm", "visits"})
public record MissingData(
    String trialId,
    String analyte,
    @Schema(
            description =
                "true when the visits carry per-arm counts; false while the trial is blinded to"
                    + " the caller (pooled only)")
        boolean byArm,
    @Schema(description = "the visits of the trial's schedule, in its order") List<Visit> visits) {

  public MissingData {
    visits = List.copyOf(visits);
  }

  /** One visit's counts; a field without a value is left out. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "MissingDataVisit",
      requiredProperties = {"visit", "dayOffset", "pooled"})
  public record Visit(
      String visit,
      int dayOffset,
      @Schema(description = "the visit's declared window in days; absent when none is declared")
          Integer windowDays,
      @Schema(
              description =
                  "whether the schedule pre-registers the analyte at the visit (its panels or"
                      + " scales); absent when it cannot be told (a panel the catalogue lacks)."
                      + " false: nobody is expected")
          Boolean scheduled,
      @Schema(description = "all enrolled participants") Counts pooled,
      @Schema(
              description =
                  "per arm of the trial, in its order (in a crossover trial, the arm of the"
                      + " visit's period); absent when byArm is false")
          List<Arm> arms) {}

  /** An arm's counts at a visit. */
  @Schema(
      name = "MissingDataArm",
      requiredProperties = {"arm", "label", "counts"})
  public record Arm(
      @Schema(description = "the arm's stable code") String arm, String label, Counts counts) {}

  /**
   * What became of the participants expected at a visit; observed, censored, failedQc and
   * outOfWindow are exclusive (decided by each participant's latest result, QC FAIL skipped).
   */
  @Schema(
      name = "MissingDataCounts",
      requiredProperties = {
        "expected",
        "observed",
        "censored",
        "failedQc",
        "outOfWindow",
        "missing",
        "notYetDue"
      })
  public record Counts(
      @Schema(
              description =
                  "participants enrolled (in the arm) for whom the visit is due, when the analyte"
                      + " is scheduled at the visit or that cannot be told; 0 when it is not"
                      + " scheduled. Due: a result exists, or the visit's window (its day when it"
                      + " declares none) closed before today (UTC)")
          int expected,
      @Schema(
              description =
                  "participants whose latest result is a usable value: not censored, collected"
                      + " within the visit's window")
          int observed,
      @Schema(description = "participants whose latest result (within the window) is censored")
          int censored,
      @Schema(description = "participants all of whose results at the visit failed QC")
          int failedQc,
      @Schema(
              description =
                  "participants whose latest result was collected outside the visit's window")
          int outOfWindow,
      @Schema(
              description =
                  "expected − observed − censored − failedQc − outOfWindow, never below 0:"
                      + " participants without any result")
          int missing,
      @Schema(
              description =
                  "participants without a result whose visit window is still open or ahead"
                      + " (enrolment date + dayOffset + windowDays is today or later); not in"
                      + " expected, since the visit is not due yet")
          int notYetDue) {}
}
