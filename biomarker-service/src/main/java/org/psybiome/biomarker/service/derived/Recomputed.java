package org.psybiome.biomarker.service.derived;

/** A stored derived result whose inputs changed: {@code value} is what it now computes to. */
public record Recomputed(long resultId, DerivedValue value) {}
