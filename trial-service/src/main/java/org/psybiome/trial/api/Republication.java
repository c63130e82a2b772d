package org.psybiome.trial.api;

/**
 * What a republication wrote to the outbox: one snapshot per registered trial and one per
 * participant of those trials.
 */
public record Republication(int trials, long participants) {}
