package org.psybiome.gateway.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many results of an analyte a trial has at a visit (corrections applied). */
@Schema(name = "OverviewResultCount")
public record ResultCount(
    String visit,
    String analyte,
    @Schema(description = "results stored, censored ones included") long results,
    @Schema(description = "of which censored (outside the limits of quantification)")
        long censored) {}
