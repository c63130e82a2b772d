package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The trial's analysis table at a visit: every registered primary and secondary outcome with its
 * comparison(s), primary first, then measures analysed at the visit but not registered, flagged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "AnalysisTable",
    requiredProperties = {"trialId", "visit", "blinded", "rows"})
public record AnalysisTable(
    String trialId,
    String visit,
    @Schema(
            description =
                "true while the trial is blinded to the caller: rows carry the pooled n only, no"
                    + " comparison")
        boolean blinded,
    @Schema(description = "the comparator arm's code, when the trial has one") String comparatorArm,
    @Schema(description = "primary outcomes, then secondary, then analysed but not registered")
        List<AnalysisRow> rows) {}
