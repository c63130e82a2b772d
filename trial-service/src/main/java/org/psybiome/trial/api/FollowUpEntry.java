package org.psybiome.trial.api;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.FollowUpStatus;

/** One entry of a participant's follow-up history. */
@Schema(requiredProperties = {"status", "effectiveDate"})
public record FollowUpEntry(FollowUpStatus status, LocalDate effectiveDate, String reason) {}
