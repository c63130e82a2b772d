package org.psybiome.trial.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of a trial's audit trail. */
@Schema(requiredProperties = {"id", "at", "actor", "action", "changes"})
public record AuditEntryView(
    @Schema(description = "Increases along the trail") long id,
    Instant at,
    @Schema(description = "The subject of the token that made the change") String actor,
    @Schema(description = "The consortium the actor acted for") String consortium,
    @Schema(
            description =
                "CREATED, UPDATED, REGISTERED, STATUS_CHANGED, UNBLINDED, PARTICIPANT_ENROLLED,"
                    + " PARTICIPANT_UNBLINDED (an emergency unblinding, without the arm),"
                    + " SEQUENCE_GENERATED (the sealed allocation sequence, counts only), IMPORTED"
                    + " or REIMPORTED")
        String action,
    @Schema(description = "The version the change made; absent for an enrolment") Integer version,
    String reason,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = AuditChange.class,
            description = "What changed, as RFC 6902-style operations")
        JsonNode changes) {

  /**
   * The shape of each entry of {@code changes} for the API document: the entries are stored as JSON
   * as written at the time, so the view hands them on untyped.
   */
  @Schema(
      name = "AuditChange",
      requiredProperties = {"op", "path"})
  public record AuditChange(
      @Schema(enumeration = {"add", "remove", "replace"}) String op,
      @Schema(description = "RFC 6901 pointer to the changed value") String path,
      @Schema(description = "The value before; absent for add") JsonNode from,
      @Schema(
              description =
                  "The value after; absent for remove. For an enrolment, the participant's arm"
                      + " and enrolledOn; the arm is left out while the trial is blinded to the"
                      + " caller")
          JsonNode to,
      @Schema(description = "For a status change: the date it took effect")
          LocalDate effectiveDate) {}
}
