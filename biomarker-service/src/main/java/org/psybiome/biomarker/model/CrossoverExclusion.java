package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant with a treatment sequence left out of the crossover analysis, and why. */
@Schema(name = "CrossoverExclusion")
public record CrossoverExclusion(
    String participant,
    String sequence,
    @Schema(description = "the general reason, as counted in exclusionReasons") String reason,
    @Schema(description = "the periods and visits concerned, e.g. 'P2 (W8)'") String detail) {}
