package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
  "updatedAt"
})
public record TrialView(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    LocalDate registeredOn,
    long actualEnrolment,
    boolean blinded,
    Instant unblindedAt,
    List<StatusEntry> statusHistory,
    Instant createdAt,
    Instant updatedAt,
    @JsonUnwrapped TrialContent content) {

  /** TRDS item 1: the primary registry is Psybiome itself. */
  @JsonProperty("primaryRegistry")
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
