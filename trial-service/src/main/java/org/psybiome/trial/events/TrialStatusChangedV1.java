package org.psybiome.trial.events;

import java.time.LocalDate;
import org.psybiome.trial.model.TrialStatus;

/**
 * Data of {@code org.psybiome.trial.status-changed.v1}: a registered trial moved along its
 * lifecycle (docs/events/trial.status-changed.v1.schema.json).
 */
public record TrialStatusChangedV1(
    String trialId,
    int version,
    TrialStatus from,
    TrialStatus to,
    LocalDate effectiveDate,
    String reason) {}
