package org.psybiome.biomarker.model;

/** A filter of a trial's results: null fields match everything. */
public record ResultFilter(String trialId, String participant, String visit, String analyte) {}
