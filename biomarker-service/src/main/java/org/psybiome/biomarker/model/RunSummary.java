package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The statistics of the participants whose latest result at the visit was measured in one assay run
 * (plate or run id), pooled over arms.
 */
@Schema(
    name = "RunSummary",
    requiredProperties = {"run", "statistics"})
public record RunSummary(
    @Schema(
            description =
                "the assayRun of the results, or \"unspecified\" for results reported without one",
            example = "PLATE-1")
        String run,
    Statistics statistics) {}
