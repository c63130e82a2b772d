package org.psybiome.trial.events;

/**
 * Data of {@code org.psybiome.trial.updated.v1}: the record after a change to a registered trial
 * (docs/events/trial.updated.v1.schema.json).
 */
public record TrialUpdatedV1(int version, PublishedTrialV1 trial) {}
