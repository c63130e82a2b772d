package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.RegistrationTiming;
import org.psybiome.trial.model.SourceRecord;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/**
 * A trial as the API shows it: what the registry assigns (id = TRDS item 1, registration date =
 * item 2, actual enrolment = item 17, status = item 18) followed by the record's content.
 */
@JsonPropertyOrder({
  "id",
  "primaryRegistry",
  "consortium",
  "status",
  "version",
  "registeredOn",
  "actualEnrolment",
  "blinded",
  "unblindedAt",
  "statusHistory",
  "createdAt",
  "updatedAt",
  "lastKnownStatus",
  "registrationTiming",
  "source"
})
@Schema(
    requiredProperties = {
      "id",
      "primaryRegistry",
      "consortium",
      "status",
      "version",
      "actualEnrolment",
      "blinded",
      "statusHistory",
      "createdAt",
      "updatedAt",
      // the record's lists are never null, empty when not given
      "secondaryIds",
      "sourcesOfSupport",
      "secondarySponsors",
      "countries",
      "conditions",
      "interventions",
      "primaryOutcomes",
      "arms"
    })
public record TrialView(
    @Schema(description = "The registry's id (TRDS item 1)", example = "PSB-2026-000042") String id,
    @Schema(description = "The consortium that owns the trial") String consortium,
    TrialStatus status,
    @Schema(description = "Increases with every change; the ETag names it", minimum = "1")
        int version,
    @Schema(description = "When the trial left DRAFT (TRDS item 2); absent for a draft")
        LocalDate registeredOn,
    @Schema(description = "Participants enrolled so far (TRDS item 17, actual)")
        long actualEnrolment,
    @Schema(description = "Whether allocations are still hidden: masked and not yet unblinded")
        boolean blinded,
    @Schema(description = "When the trial was unblinded; absent until then") Instant unblindedAt,
    @Schema(description = "Every status the trial has had, oldest first; empty for a draft")
        List<StatusEntry> statusHistory,
    Instant createdAt,
    Instant updatedAt,
    @JsonUnwrapped TrialContent content,
    @Schema(
            description =
                "For a trial whose status is UNKNOWN, the status it last had (added in 1.1)")
        TrialStatus lastKnownStatus,
    @Schema(
            description =
                "Whether the trial was registered (here, or first in originalRegistration) before"
                    + " its first participant was enrolled; absent for a draft (added in 1.1)")
        RegistrationTiming registrationTiming,
    @Schema(
            description =
                "The registry record the trial was imported from; absent for a trial registered"
                    + " here (added in 1.1)")
        SourceRecord source) {

  /** TRDS item 1: the primary registry is Psybiome itself. */
  @JsonProperty("primaryRegistry")
  @Schema(description = "TRDS item 1: the primary registry, always Psybiome")
  public String primaryRegistry() {
    return "Psybiome";
  }

  /**
   * The properties a client may send back unchanged in a write, because the registry owns them:
   * those listed first in the property order.
   */
  public static final List<String> ASSIGNED_PROPERTIES =
      List.of(TrialView.class.getAnnotation(JsonPropertyOrder.class).value());
}
