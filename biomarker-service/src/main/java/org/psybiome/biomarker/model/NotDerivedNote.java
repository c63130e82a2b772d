package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A derived analyte a batch's rows were meant for but do not support for a sample, and why. */
@Schema(
    name = "NotDerived",
    requiredProperties = {"sampleId", "analyte", "reason"})
public record NotDerivedNote(
    @Schema(example = "S-0001") String sampleId,
    @Schema(example = "SHANNON_GENUS") String analyte,
    @Schema(example = "the profile's abundances sum to 91.4 %, not 100 % ± 2.0") String reason) {}
