package org.psybiome.biomarker.service;

import java.math.BigDecimal;

/** A value expressed in its analyte's standard unit. */
public record StandardValue(BigDecimal value, String unit) {}
