package org.psybiome.biomarker.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A correction of a stored result: the value as the lab now reports it, and why. Fields are text,
 * like the rows of a batch, so that every bad field is reported in one 422 rather than as a parse
 * error of the first.
 */
@Schema(
    name = "CorrectionRequest",
    requiredProperties = {"value", "unit", "reason"})
public record CorrectionRequest(
    @Schema(description = "the corrected value, a decimal number", example = "12.5") String value,
    @Schema(description = "its unit (UCUM; µ accepted)", example = "µg/dL") String unit,
    @Schema(
            description = "< or > for a limit of quantification, else absent",
            enumeration = {"<", ">"})
        String comparator,
    @Schema(
            description =
                "the lab's quality-control verdict; when absent the result keeps the verdict it"
                    + " has (a FAIL stays FAIL)",
            enumeration = {"PASS", "WARN", "FAIL"})
        String qcStatus,
    @Schema(description = "why the stored value was wrong", example = "transcription error")
        String reason) {}
