package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of participants; {@code nextPageToken} is absent on the last page. */
@Schema(requiredProperties = {"items", "total"})
public record ParticipantPage(
    List<ParticipantView> items,
    @Schema(description = "Participants enrolled in the trial, on all pages") long total,
    String nextPageToken) {}
