package org.psybiome.biomarker.service.derived;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A value computed from other results of the same sample, in the derived analyte's standard unit.
 * It carries the worst QC verdict of its inputs and the latest of their collection times.
 */
public record DerivedValue(
    String analyte, BigDecimal value, String qcStatus, Instant collectedAt) {}
