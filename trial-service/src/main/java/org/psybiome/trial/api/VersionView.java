package org.psybiome.trial.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/** A past version: who changed what kind of thing, when and why; with the record when asked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionView(
    int version,
    TrialStatus status,
    Instant changedAt,
    String changedBy,
    String change,
    String reason,
    TrialContent content) {}
