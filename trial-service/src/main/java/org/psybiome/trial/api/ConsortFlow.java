package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trial's CONSORT 2010 flow as far as the registry knows it: participants allocated, and per arm
 * (for those who may see arms) or pooled, who received the allocated intervention or not,
 * discontinued, was lost to follow-up, withdrew consent or completed, with the reasons given.
 * Assessment for eligibility comes from the screening log; analysis from biomarker-service, added
 * by the gateway.
 */
@Schema(requiredProperties = {"trialId", "blinded", "eligibility", "pooled", "arms"})
public record ConsortFlow(
    String trialId,
    @Schema(description = "Whether arms are hidden from the caller: then arms is empty")
        boolean blinded,
    @Schema(description = "Assessed for eligibility and excluded, from the screening log")
        Eligibility eligibility,
    @Schema(description = "All participants together") Counts pooled,
    @Schema(
            description =
                "Per arm, in the record's order (per treatment sequence in a crossover or N-of-1"
                    + " trial); empty while blinded to the caller")
        List<ArmCounts> arms,
    @Schema(
            description =
                "Analysis: per primary outcome with a catalogue measure and per visit after"
                    + " baseline, the participants whose value is analysed, from biomarker-service's"
                    + " results (pooled; per arm as arms). Added by the gateway, which composes the"
                    + " flow: absent from trial-service's own answer; an outcome and visit"
                    + " biomarker-service could not answer for is left out")
        List<AnalysedOutcome> analysed) {

  /** The flow as trial-service knows it, without the analysis the gateway adds. */
  public ConsortFlow(
      String trialId,
      boolean blinded,
      Eligibility eligibility,
      Counts pooled,
      List<ArmCounts> arms) {
    this(trialId, blinded, eligibility, pooled, arms, null);
  }

  /** One outcome at one visit: analysed pooled and, for who may see arms, per arm. */
  @Schema(requiredProperties = {"measure", "visit", "pooled", "arms"})
  public record AnalysedOutcome(
      @Schema(description = "The outcome's measure code (a scale or analyte)", example = "HAMD17")
          String measure,
      @Schema(description = "The visit's code", example = "W8") String visit,
      Analysed pooled,
      @Schema(description = "Per arm, as in arms; empty while blinded to the caller")
          List<ArmAnalysed> arms) {}

  /**
   * Analysed: participants whose latest result at the visit is used; censored: whose latest is
   * outside the limits of quantification; withoutValue: allocated and neither (missing, or only
   * results that failed QC); qcFailedResults: results with qcStatus FAIL, left out.
   */
  @Schema(requiredProperties = {"analysed", "censored", "withoutValue", "qcFailedResults"})
  public record Analysed(long analysed, long censored, long withoutValue, long qcFailedResults) {}

  @Schema(requiredProperties = {"armCode", "counts"})
  public record ArmAnalysed(String armCode, Analysed counts) {}

  /**
   * Enrolment: assessed for eligibility (those logged as excluded at screening, and those
   * enrolled), and the exclusions as CONSORT groups them.
   */
  @Schema(
      requiredProperties = {
        "assessed",
        "excluded",
        "notMeetingInclusionCriteria",
        "declinedToParticipate",
        "otherReasons"
      })
  public record Eligibility(
      long assessed,
      long excluded,
      long notMeetingInclusionCriteria,
      long declinedToParticipate,
      Reasons otherReasons) {}

  /** The flow of a group of participants. */
  @Schema(
      requiredProperties = {
        "allocated",
        "received",
        "didNotReceive",
        "discontinued",
        "lostToFollowUp",
        "withdrewConsent",
        "completed",
        "emergencyUnblinded"
      })
  public record Counts(
      long allocated,
      long received,
      Reasons didNotReceive,
      Reasons discontinued,
      long lostToFollowUp,
      Reasons withdrewConsent,
      long completed,
      @Schema(description = "Participants whose arm was revealed in an emergency")
          long emergencyUnblinded) {}

  /** How many, and why, as given (participants with the same reason counted together). */
  @Schema(requiredProperties = {"n", "reasons"})
  public record Reasons(long n, List<Reason> reasons) {}

  @Schema(requiredProperties = {"reason", "n"})
  public record Reason(String reason, long n) {}

  /** One group: an arm, or a treatment sequence ("AB: Probiotic → Placebo") of a crossover. */
  @Schema(requiredProperties = {"armCode", "label", "counts"})
  public record ArmCounts(
      @Schema(description = "The arm's code, or the treatment sequence's in a crossover trial")
          String armCode,
      String label,
      Counts counts) {}
}
