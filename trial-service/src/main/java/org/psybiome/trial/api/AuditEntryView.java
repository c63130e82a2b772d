package org.psybiome.trial.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
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
                "CREATED, UPDATED, REGISTERED, STATUS_CHANGED, UNBLINDED or PARTICIPANT_ENROLLED")
        String action,
    @Schema(description = "The version the change made; absent for an enrolment") Integer version,
    String reason,
    @Schema(
            type = SchemaType.ARRAY,
            implementation = VersionDiff.Change.class,
            description =
                "What changed, as in a diff; a status change also names its effectiveDate, an"
                    + " enrolment leaves out the arm while the trial is blinded to the caller")
        JsonNode changes) {}
