package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Response and remission on a rating scale at a visit (usually the end of treatment), from each
 * participant's baseline score: pooled, and per arm with each arm compared with the comparator for
 * callers who may see the allocation. Every rate is given twice: of the complete cases, and with
 * every allocated participant counted, those without an outcome as non-responders (the field's
 * usual sensitivity analysis). A field without a value is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "ResponseAnalysis",
    requiredProperties = {
      "trialId",
      "scale",
      "visit",
      "baselineVisit",
      "definition",
      "windowHandling",
      "byArm",
      "pooled"
    })
public record ResponseAnalysis(
    String trialId,
    @Schema(description = "the rating scale (a CLINICAL_SCALE analyte)", example = "HAMD17")
        String scale,
    @Schema(description = "the visit assessed, e.g. the end of treatment") String visit,
    @Schema(description = "the trial's baseline visit the reduction is measured from")
        String baselineVisit,
    Definition definition,
    @Schema(
            description =
                "exclude: a latest score collected outside its visit's window counts as missing;"
                    + " include: it is used")
        String windowHandling,
    @Schema(
            description =
                "true when arms and comparisons are given; false while the trial is blinded to"
                    + " the caller (pooled only)")
        boolean byArm,
    @Schema(description = "every participant of the trial") Group pooled,
    @Schema(description = "per arm, in the trial's order; absent when byArm is false")
        List<Arm> arms,
    @Schema(description = "the comparator arm's stable code; absent when none or byArm is false")
        String comparatorArm,
    @Schema(description = "how the comparator was chosen (DECLARED, SOLE_INACTIVE_COMPARATOR, ...)")
        String comparatorRule,
    @Schema(description = "why no arm is compared, when byArm is true and none is")
        String noComparisonReason,
    @Schema(
            description =
                "each other arm vs the comparator, in the trial's arm order; absent when byArm is"
                    + " false")
        List<Comparison> comparisons) {

  public ResponseAnalysis {
    arms = arms == null ? null : List.copyOf(arms);
    comparisons = comparisons == null ? null : List.copyOf(comparisons);
  }

  /** The definitions applied, and where the remission threshold came from. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseDefinition",
      requiredProperties = {"responseReduction", "response"})
  public record Definition(
      @Schema(
              description = "percent reduction from baseline that makes a responder",
              example = "50")
          BigDecimal responseReduction,
      @Schema(description = "the response definition in words") String response,
      @Schema(
              description =
                  "a score at the visit at or below this is remission; absent when remission is"
                      + " omitted",
              example = "7")
          BigDecimal remissionMax,
      @Schema(
              description =
                  "CATALOGUE: the scale's default from the analyte catalogue; REQUEST: the"
                      + " caller's remissionThreshold")
          String remissionSource,
      @Schema(description = "the remission definition in words") String remission,
      @Schema(description = "why remission is omitted, when it is")
          String remissionOmittedReason) {}

  /** An arm's figures. */
  @Schema(
      name = "ResponseArm",
      requiredProperties = {"arm", "label", "figures"})
  public record Arm(
      @Schema(description = "the arm's stable code") String arm,
      String label,
      String type,
      Group figures) {}

  /**
   * What became of a group's participants, and its response and remission rates. nAllocated =
   * nEvaluable + nNotEvaluable + nMissingVisit + nMissingBaseline − nMissingBoth.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseGroup",
      requiredProperties = {
        "nAllocated",
        "nEvaluable",
        "nMissingVisit",
        "nMissingBaseline",
        "nMissingBoth",
        "nNotEvaluable",
        "notEvaluable",
        "nOutOfWindow",
        "response"
      })
  public record Group(
      @Schema(description = "participants of the group (pooled: every participant enrolled)")
          int nAllocated,
      @Schema(description = "participants with a usable score at baseline and at the visit")
          int nEvaluable,
      @Schema(
              description =
                  "participants without a usable score at the visit (none, every result QC FAIL,"
                      + " censored, or out of window with window=exclude)")
          int nMissingVisit,
      @Schema(description = "participants without a usable score at baseline") int nMissingBaseline,
      @Schema(description = "participants counted in both nMissingVisit and nMissingBaseline")
          int nMissingBoth,
      @Schema(
              description =
                  "participants with both scores whose reduction is undefined (baseline 0); not"
                      + " responders, with the reasons in notEvaluable")
          int nNotEvaluable,
      List<NotEvaluable> notEvaluable,
      @Schema(
              description =
                  "participants whose latest score at the visit was collected outside its window"
                      + " (whatever windowHandling did with it)")
          int nOutOfWindow,
      Outcome response,
      @Schema(description = "absent when remission is omitted") Outcome remission) {

    public Group {
      notEvaluable = List.copyOf(notEvaluable);
    }
  }

  /** Participants left out of the response for one reason. */
  @Schema(
      name = "ResponseNotEvaluable",
      requiredProperties = {"reason", "n", "description"})
  public record NotEvaluable(
      @Schema(example = "BASELINE_ZERO") String reason, int n, String description) {}

  /** An outcome's rate, of the complete cases and with missing counted as non-responders. */
  @Schema(
      name = "ResponseOutcome",
      requiredProperties = {"completeCase", "missingAsNonResponder"})
  public record Outcome(
      @Schema(
              description =
                  "response: of nEvaluable; remission: of the participants with a usable score"
                      + " at the visit (no baseline needed)")
          Rate completeCase,
      @Schema(
              description =
                  "of nAllocated: a participant without the outcome known counts as a"
                      + " non-responder (non-remitter)")
          Rate missingAsNonResponder) {}

  /** A proportion with its exact and score 95% intervals; no rate or interval when n is 0. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseRate",
      requiredProperties = {"events", "n"})
  public record Rate(
      @Schema(description = "responders (remitters)") int events,
      int n,
      Double rate,
      @Schema(description = "exact (Clopper–Pearson) 95% interval") Interval clopperPearson,
      @Schema(description = "Wilson score 95% interval") Interval wilson) {}

  /** A 95% confidence interval. */
  @Schema(
      name = "ResponseInterval",
      requiredProperties = {"low", "high"})
  public record Interval(double low, double high) {}

  /** An arm compared with the comparator arm. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseComparison",
      requiredProperties = {"experimentalArm", "comparatorArm", "response"})
  public record Comparison(
      @Schema(description = "the compared arm's stable code") String experimentalArm,
      @Schema(description = "the comparator arm's stable code") String comparatorArm,
      OutcomeComparison response,
      @Schema(description = "absent when remission is omitted") OutcomeComparison remission) {}

  /** One outcome compared, of the complete cases and with missing as non-responders. */
  @Schema(
      name = "ResponseOutcomeComparison",
      requiredProperties = {"completeCase", "missingAsNonResponder"})
  public record OutcomeComparison(Effects completeCase, Effects missingAsNonResponder) {}

  /** Risk difference, risk ratio and number needed to treat of the arm vs the comparator. */
  @Schema(
      name = "ResponseEffects",
      requiredProperties = {"riskDifference", "riskRatio", "numberNeededToTreat"})
  public record Effects(
      RiskDifference riskDifference,
      RiskRatio riskRatio,
      NumberNeededToTreat numberNeededToTreat) {}

  /** The arm's rate minus the comparator's; positive: more responders on the arm. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseRiskDifference",
      requiredProperties = {"method"})
  public record RiskDifference(
      Double estimate,
      @Schema(description = "95% interval by method") Double ciLow,
      Double ciHigh,
      @Schema(
              description =
                  "NEWCOMBE_HYBRID_SCORE: Newcombe's (1998) method 10, from the two Wilson"
                      + " intervals, no continuity correction")
          String method,
      @Schema(description = "the Wald 95% interval, for comparison") Double waldCiLow,
      Double waldCiHigh,
      @Schema(description = "why there is no estimate (an arm without evaluable participants)")
          String notEstimableReason) {}

  /** The arm's rate over the comparator's. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseRiskRatio",
      requiredProperties = {"method"})
  public record RiskRatio(
      Double estimate,
      Double ciLow,
      Double ciHigh,
      @Schema(
              description =
                  "LOG: Katz's log method; LOG_HALF_ADJUSTED: with no responder in one group, 0.5"
                      + " added to each count and each n (estimate and interval)")
          String method,
      String notEstimableReason) {}

  /**
   * 1 / |risk difference|, as Altman (BMJ 1998) reports it: NNT(benefit) when the arm has more
   * responders, NNT(harm) when fewer; the interval is the risk difference's (Newcombe) inverted,
   * and runs through infinity when that interval contains 0.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseNumberNeededToTreat",
      requiredProperties = {"direction"})
  public record NumberNeededToTreat(
      @Schema(description = "absent when infinite (no difference) or not estimable") Double value,
      @Schema(description = "BENEFIT, HARM, or NONE (risk difference 0: infinite)")
          String direction,
      @Schema(description = "the limit from the risk difference's lower 95% limit")
          NntLimit fromRiskDifferenceCiLow,
      @Schema(description = "the limit from the risk difference's upper 95% limit")
          NntLimit fromRiskDifferenceCiHigh,
      @Schema(
              description =
                  "true when the risk difference's interval contains 0: the NNT's interval runs"
                      + " from one limit through infinity to the other")
          Boolean ciIncludesInfinity,
      @Schema(
              description = "as Altman words it",
              example = "NNT(benefit) 4.0 (95% CI NNT(harm) 10.0 to ∞ to NNT(benefit) 1.8)")
          String statement,
      String notEstimableReason) {}

  /** A limit of the NNT's interval: NNT(benefit) or NNT(harm) of this value (absent: ∞). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "ResponseNntLimit",
      requiredProperties = {"direction"})
  public record NntLimit(
      @Schema(description = "BENEFIT, HARM, or NONE (the limit is infinite)") String direction,
      Double value) {}
}
