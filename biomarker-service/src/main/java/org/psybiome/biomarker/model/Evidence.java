package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An outcome's evidence across registered trials: each qualifying trial's effect (change from
 * baseline to the timepoint, experimental arm minus comparator), the trials left out and why, and
 * with two or more trials the random-effects pooled estimate, leave-one-out and subgroup pooling.
 * Aggregate figures only: per arm n, mean and SD of the change, never a participant's value.
 */
@Schema(
    name = "Evidence",
    requiredProperties = {"outcomes", "timepoint", "effect", "included", "excluded"})
public record Evidence(
    @Schema(
            description =
                "the outcomes asked for, in order: a trial uses the first it has results" + " of")
        List<String> outcomes,
    @Schema(
            description =
                "the timepoint: end-of-treatment, the record's analysis plan's"
                    + " endOfTreatmentVisit")
        String timepoint,
    @Schema(description = "the intervention type asked for, null when any") String interventionType,
    @Schema(description = "adjunct asked for (true: added to standard care), null when either")
        Boolean adjunct,
    @Schema(
            description =
                "md: mean difference of the change (one outcome only); smd: Hedges' g of the"
                    + " change",
            enumeration = {"md", "smd"})
        String effect,
    @Schema(
            description =
                "the specimen of every included trial's results (NOT_APPLICABLE for"
                    + " rating scales); null when no trial qualified")
        Specimen specimen,
    List<Included> included,
    List<Excluded> excluded,
    @Schema(description = "random-effects pooled estimate; null with fewer than two trials")
        Pooled pooled,
    @Schema(description = "why nothing is pooled; null when pooled") String notPooledReason,
    @Schema(description = "each trial left out in turn; null with fewer than three trials")
        List<LeaveOneOut> leaveOneOut,
    @Schema(
            description =
                "subgroup pooling by intervention type (unless interventionType was"
                    + " given) and by adjunct vs standalone (unless adjunct was given); empty with fewer"
                    + " than two trials")
        List<SubgroupAnalysis> subgroups,
    @Schema(
            description =
                "the stool basis (per WET or DRY mass) asked for with basis=: only results on it"
                    + " were pooled; null when not asked",
            enumeration = {"WET", "DRY"})
        String basis) {

  /** An answer without a stool basis asked for. */
  public Evidence(
      List<String> outcomes,
      String timepoint,
      String interventionType,
      Boolean adjunct,
      String effect,
      Specimen specimen,
      List<Included> included,
      List<Excluded> excluded,
      Pooled pooled,
      String notPooledReason,
      List<LeaveOneOut> leaveOneOut,
      List<SubgroupAnalysis> subgroups) {
    this(
        outcomes,
        timepoint,
        interventionType,
        adjunct,
        effect,
        specimen,
        included,
        excluded,
        pooled,
        notPooledReason,
        leaveOneOut,
        subgroups,
        null);
  }

  /** An arm: its stable code and label. */
  @Schema(name = "EvidenceArm")
  public record Arm(String code, String label) {}

  /** An arm's change from baseline: participants, mean and sample SD (n−1). */
  @Schema(name = "EvidenceArmChange")
  public record ArmChange(int n, double mean, double sd) {}

  /** A trial whose effect is pooled. */
  @Schema(name = "EvidenceIncludedTrial")
  public record Included(
      String trialId,
      String title,
      String consortium,
      @Schema(description = "the outcome this trial contributes") String outcome,
      @Schema(description = "the trial's baseline visit") String baselineVisit,
      @Schema(description = "the trial's visit for the timepoint") String visit,
      Arm experimentalArm,
      Arm comparatorArm,
      ArmChange experimental,
      ArmChange comparator,
      @Schema(description = "the effect, experimental minus comparator (md or Hedges' g)")
          double effect,
      @Schema(description = "its sampling variance") double variance,
      double se,
      @Schema(description = "effect ± z(0.975)·se") double ciLow,
      double ciHigh,
      @Schema(
              description =
                  "random-effects weight in the pooled estimate, %; null when not" + " pooled")
          Double weight,
      @Schema(
              description =
                  "the experimental arm's intervention types other than standard care"
                      + " and controls, joined with +")
          String interventionType,
      @Schema(description = "the experimental arm also receives standard care it is added to")
          boolean adjunct,
      @Schema(
              description =
                  "other arms matching the filters, not pooled (one comparison per"
                      + " trial); null when none")
          String note) {}

  /** A trial matching the filters that is not pooled, and why. */
  @Schema(name = "EvidenceExcludedTrial")
  public record Excluded(
      String trialId,
      String title,
      String consortium,
      @Schema(
              enumeration = {
                "NOT_SHARED",
                "BLINDED",
                "ONGOING",
                "NO_COMPARATOR",
                "NOT_PARALLEL",
                "NO_TIMEPOINT",
                "NO_RESULTS",
                "TOO_FEW_RESULTS"
              })
          String reason,
      String detail) {}

  /** The random-effects pooled estimate (REML τ², Hartung–Knapp–Sidik–Jonkman interval). */
  @Schema(name = "EvidencePooled")
  public record Pooled(
      int k,
      double estimate,
      double se,
      double ciLow,
      double ciHigh,
      double t,
      int df,
      double p,
      double tau2,
      @Schema(description = "I², %") double i2,
      double h2,
      double q,
      double qP,
      @Schema(description = "95% prediction interval for a new trial's true effect") double piLow,
      double piHigh) {}

  /** The pooled estimate without one trial. */
  @Schema(name = "EvidenceLeaveOneOut")
  public record LeaveOneOut(
      String omittedTrialId,
      double estimate,
      double se,
      double ciLow,
      double ciHigh,
      double p,
      double tau2,
      double i2) {}

  /** Pooling within the subgroups of one factor, and the test for subgroup differences. */
  @Schema(name = "EvidenceSubgroupAnalysis")
  public record SubgroupAnalysis(
      @Schema(enumeration = {"interventionType", "adjunct"}) String by,
      List<Subgroup> groups,
      @Schema(
              description =
                  "Q between the pooled subgroups (fixed effect over their estimates"
                      + " and SEs), χ² on groups−1 df; null with fewer than two pooled subgroups")
          Difference difference) {}

  /** A subgroup: its trials and, with two or more, their pooled estimate. */
  @Schema(name = "EvidenceSubgroup")
  public record Subgroup(String name, List<String> trialIds, Pooled pooled) {}

  @Schema(name = "EvidenceSubgroupDifference")
  public record Difference(double q, int df, double p) {}
}
