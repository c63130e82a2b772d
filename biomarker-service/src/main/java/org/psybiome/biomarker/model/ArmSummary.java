package org.psybiome.biomarker.model;

/** The statistics of one arm's participants. */
public record ArmSummary(String arm, String type, Statistics statistics) {}
