package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A period of a crossover or N-of-1 trial and the visit whose value is the participant's value in
 * it: the period's last scheduled visit (highest dayOffset); null when no visit is bound to it.
 */
@Schema(name = "CrossoverPeriod")
public record CrossoverPeriod(
    String code,
    @Schema(description = "1 for the first period") int order,
    @Schema(
            description =
                "the period's last scheduled visit, whose value counts; null when the schedule binds"
                    + " no visit to the period (it is then not analysed)")
        String visit) {}
