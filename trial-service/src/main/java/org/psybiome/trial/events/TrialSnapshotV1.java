package org.psybiome.trial.events;

/**
 * Data of {@code org.psybiome.trial.snapshot.v1}: a registered trial's record as it is now,
 * republished on request so that a consumer that lost what it knew can learn it again
 * (docs/events/trial.snapshot.v1.schema.json). Not a change: {@code version} is the version the
 * trial already has. On the internal allocations topic, before the trial's participant snapshots.
 */
public record TrialSnapshotV1(int version, PublishedTrialV1 trial) {}
