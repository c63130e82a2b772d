package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trial's CONSORT 2010 flow as far as the registry knows it: participants allocated, and per arm
 * (for those who may see arms) or pooled, who received the allocated intervention or not,
 * discontinued, was lost to follow-up, withdrew consent or completed, with the reasons given.
 * Assessment for eligibility comes from the screening log; analysis is not counted here yet.
 */
@Schema(requiredProperties = {"trialId", "blinded", "eligibility", "pooled", "arms"})
public record ConsortFlow(
    String trialId,
    @Schema(description = "Whether arms are hidden from the caller: then arms is empty")
        boolean blinded,
    @Schema(description = "Assessed for eligibility and excluded, from the screening log")
        Eligibility eligibility,
    @Schema(description = "All participants together") Counts pooled,
    @Schema(description = "Per arm, in the record's order; empty while blinded to the caller")
        List<ArmCounts> arms) {

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

  @Schema(requiredProperties = {"armCode", "label", "counts"})
  public record ArmCounts(String armCode, String label, Counts counts) {}
}
