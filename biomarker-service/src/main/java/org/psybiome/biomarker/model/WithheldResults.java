package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Results left out of a read because, while the trial is masked, their values would reveal the
 * allocation to a caller who may not see arms (functional unblinding, docs/decisions.md).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "WithheldResults",
    requiredProperties = {"results", "rule", "reason"})
public record WithheldResults(
    @Schema(description = "how many results matching the request were left out") long results,
    @Schema(
            description =
                "INTERVENTION_TAXA: the genera of the intervention's organisms; ALL_TAXA: every"
                    + " taxon and diversity value (FMT, or interventions not known here)",
            enumeration = {"INTERVENTION_TAXA", "ALL_TAXA"})
        String rule,
    @Schema(description = "INTERVENTION_TAXA: the analyte codes left out, sorted")
        List<String> analytes,
    @Schema(description = "ALL_TAXA: the omics layer left out") OmicsLayer layer,
    @Schema(description = "why, in words") String reason) {}
