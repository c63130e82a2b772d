package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The within-participant analysis of an analyte in a crossover or N-of-1 trial: each participant's
 * value in each period, their treatment − comparator differences, and the paired analysis across
 * participants. While the trial is blinded to the caller, counts only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "CrossoverAnalysis",
    requiredProperties = {
      "trialId",
      "analyte",
      "unit",
      "interventionModel",
      "logScale",
      "blinded",
      "periods",
      "nWithSequence",
      "nAnalysed",
      "nExcluded",
      "exclusionReasons",
      "censoredHandling",
      "windowHandling"
    })
public record CrossoverAnalysis(
    String trialId,
    String analyte,
    @Schema(description = "standard UCUM unit of the values") String unit,
    @Schema(description = "the specimen of the results analysed (null when there are none)")
        Specimen specimen,
    @Schema(
            description =
                "the trial's design.interventionModel; CROSSOVER for a trial learnt before it was"
                    + " kept whose visits are bound to periods",
            enumeration = {"CROSSOVER", "N_OF_1"})
        String interventionModel,
    @Schema(
            description =
                "analysed on natural logs (the catalogue's log_scale): estimates and intervals"
                    + " are on the log scale, with their exponentials as ratios of geometric means")
        boolean logScale,
    @Schema(
            description =
                "true while the trial is blinded to the caller: no participant rows, no"
                    + " comparisons, counts only")
        boolean blinded,
    @Schema(description = "the periods in order, each with the visit whose value counts")
        List<CrossoverPeriod> periods,
    @Schema(description = "the comparator arm's code, when the trial has one") String comparatorArm,
    @Schema(
            description = "how the comparator was found (as in summaries)",
            enumeration = {"DECLARED", "SOLE_INACTIVE_COMPARATOR", "SOLE_ACTIVE_COMPARATOR"})
        String comparatorRule,
    @Schema(description = "why there are no comparisons, when there is no comparator arm")
        String noComparisonReason,
    @Schema(description = "participants with a treatment sequence") int nWithSequence,
    @Schema(description = "participants with a usable value in every period of their sequence")
        int nAnalysed,
    @Schema(description = "participants with a sequence left out, each for a reason") int nExcluded,
    @Schema(description = "the reasons participants were left out, with how many each")
        List<ExclusionCount> exclusionReasons,
    @Schema(description = "the participants left out and why (absent while blinded)")
        List<CrossoverExclusion> excluded,
    @Schema(description = "the participants analysed (absent while blinded)")
        List<CrossoverParticipant> participants,
    @Schema(
            description =
                "each arm other than the comparator vs the comparator, in the trial's arm order"
                    + " (absent while blinded)")
        List<CrossoverComparison> comparisons,
    @Schema(description = "why participants and comparisons are absent") String withheldReason,
    @Schema(enumeration = {"exclude", "lloq-sqrt2"}) String censoredHandling,
    @Schema(enumeration = {"exclude", "include"}) String windowHandling) {

  /** A reason for leaving participants out and how many it left out. */
  @Schema(name = "CrossoverExclusionCount")
  public record ExclusionCount(String reason, int n) {}
}
