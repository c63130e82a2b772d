package org.psybiome.trial.events;

/**
 * Data of {@code org.psybiome.trial.registered.v1}: the whole public record, so consumers need not
 * call back (docs/events/trial.registered.v1.schema.json).
 */
public record TrialRegisteredV1(PublishedTrialV1 trial) {}
