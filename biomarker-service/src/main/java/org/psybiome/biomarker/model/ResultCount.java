package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Results of an analyte at a visit of a trial, corrections applied. */
@Schema(
    name = "ResultCount",
    requiredProperties = {"visit", "analyte", "results", "censored"})
public record ResultCount(
    String visit,
    String analyte,
    @Schema(description = "results, censored ones included") long results,
    @Schema(description = "of which censored") long censored) {}
