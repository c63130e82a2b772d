package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many results of an analyte a trial has at a visit. */
@Schema(
    name = "AnalyteCount",
    requiredProperties = {"analyte", "results"})
public record AnalyteCount(@Schema(example = "IL6") String analyte, long results) {}
