package org.psybiome.biomarker.model;

import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One row of a result batch as a lab sends it: in JSON an object, in NDJSON a line, in CSV the
 * header's columns. Only the API document uses this type: the parser reads rows as text so that
 * every bad field of every row is reported in one 422, rather than the first as a parse error.
 */
@Schema(
    name = "ResultRow",
    description =
        "One result as reported. Every field is text or a number (a number is read as its decimal"
            + " text); a field that is null, empty or absent is missing. Unknown fields are row"
            + " errors.",
    requiredProperties = {
      "participant",
      "visit",
      "sampleId",
      "collectedAt",
      "analyte",
      "value",
      "unit"
    },
    additionalProperties = Schema.False.class)
public record ResultRow(
    @Schema(description = "a participant enrolled in the trial", example = "MG-0001")
        String participant,
    @Schema(description = "a visit code of the trial's schedule", example = "W0") String visit,
    @Schema(
            description =
                "the lab's sample id; a sample has at most one result per analyte in a trial",
            example = "S-0001")
        String sampleId,
    @Schema(description = "what was measured; the analyte's specimen when absent")
        Specimen specimen,
    @Schema(description = "when the sample was collected, an ISO-8601 instant") Instant collectedAt,
    @Schema(description = "an analyte code of the catalogue (not a derived one)", example = "IL6")
        String analyte,
    @Schema(
            description =
                "the reported value, a decimal number (or its text); within the analyte's"
                    + " plausible range after standardisation, unless a comparator makes it a"
                    + " limit",
            oneOf = {BigDecimal.class, String.class},
            example = "2.5")
        Object value,
    @Schema(
            description = "the value's unit, UCUM (µ accepted); converted to the analyte's unit",
            example = "pg/mL")
        String unit,
    @Schema(
            description = "< or >: the value is a limit of quantification (censored)",
            type = SchemaType.STRING,
            enumeration = {"<", ">"})
        String comparator,
    @Schema(description = "the lab's quality-control verdict; PASS when absent") QcStatus qcStatus,
    @Schema(
            description = "the assay's method, e.g. ELISA, ECLIA, LC-MS/MS, GC-FID, 16S rRNA V4",
            maxLength = 100)
        String assayMethod,
    @Schema(description = "the assay kit (maker and name)", maxLength = 200) String assayKit,
    @Schema(description = "the kit's lot", maxLength = 100) String assayLot,
    @Schema(description = "the plate or run the sample was measured in", maxLength = 100)
        String assayRun,
    @Schema(
            description =
                "the run's lower limit of quantification, in the row's unit (converted like the"
                    + " value); a value below it must carry comparator <, else the row is refused",
            oneOf = {BigDecimal.class, String.class})
        Object lloq,
    @Schema(
            description =
                "the run's upper limit of quantification, in the row's unit, greater than lloq;"
                    + " a value above it must carry comparator >, else the row is refused",
            oneOf = {BigDecimal.class, String.class})
        Object uloq,
    @Schema(
            description =
                "STOOL only: the value is per WET or DRY mass; results on different bases are"
                    + " never pooled by the evidence synthesis",
            type = SchemaType.STRING,
            enumeration = {"WET", "DRY"})
        String basis) {}
