package org.psybiome.trial.service;

/**
 * A trial as the API shows it ({@link org.psybiome.trial.api.TrialView}), already written as JSON,
 * and the version it shows (its ETag).
 */
public record RenderedTrial(int version, byte[] json) {}
