package org.psybiome.biomarker.service.derived;

/** A derived analyte a sample's measurements were meant for but do not support, and why. */
public record NotDerived(String analyte, String reason) {}
