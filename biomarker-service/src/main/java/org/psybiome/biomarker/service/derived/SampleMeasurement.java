package org.psybiome.biomarker.service.derived;

import java.math.BigDecimal;
import java.time.Instant;

/** A measured value of one sample, in its analyte's standard unit: an input of derivations. */
public record SampleMeasurement(
    String analyte,
    BigDecimal standardValue,
    boolean censored,
    String qcStatus,
    Instant collectedAt) {}
