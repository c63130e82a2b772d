package org.psybiome.trial.events;

import java.time.Instant;

/**
 * Data of {@code org.psybiome.trial.unblinded.v1}: a masked trial's allocations became visible
 * (docs/events/trial.unblinded.v1.schema.json).
 */
public record TrialUnblindedV1(String trialId, int version, Instant unblindedAt, String reason) {}
