package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A stored result as it stands (with its latest correction, if any): as reported, and in the
 * analyte's standard unit. A field without a value is left out through any mapper: the NDJSON
 * export writes with the application's, which keeps nulls, and its lines must read like GET
 * results.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "Result",
    requiredProperties = {
      "id",
      "participant",
      "visit",
      "sampleId",
      "specimen",
      "collectedAt",
      "analyte",
      "value",
      "unit",
      "standardValue",
      "standardUnit",
      "censored",
      "qcStatus",
      "registered",
      "corrected",
      "batchId"
    })
public record ResultView(
    @Schema(description = "the result's id, which a correction names") long id,
    @Schema(example = "MG-0001") String participant,
    @Schema(example = "W0") String visit,
    String sampleId,
    Specimen specimen,
    Instant collectedAt,
    @Schema(example = "CORTISOL_AM") String analyte,
    @Schema(description = "as reported (or as corrected)") BigDecimal value,
    @Schema(description = "as reported (or as corrected)", example = "µg/dL") String unit,
    BigDecimal standardValue,
    @Schema(example = "nmol/L") String standardUnit,
    @Schema(
            description = "< or > for a limit of quantification, else absent",
            enumeration = {"<", ">"})
        String comparator,
    @Schema(description = "a limit, not a measured value") boolean censored,
    QcStatus qcStatus,
    @Schema(description = "false when the schedule did not pre-register the analyte at the visit")
        boolean registered,
    @Schema(description = "true when a correction replaced the reported value") boolean corrected,
    @Schema(description = "when the correction in force was made; absent if not corrected")
        Instant correctedAt,
    @Schema(description = "the batch that reported it") UUID batchId,
    @Schema(
            description =
                "true when collected outside the visit's window: the date of collectedAt (UTC) is"
                    + " not within the participant's enrolment date + the visit's dayOffset ±"
                    + " windowDays (both ends in), judged by the trial's current schedule; absent"
                    + " otherwise, and at visits without a declared window")
        Boolean outOfWindow,
    @Schema(description = "the assay's method as reported, e.g. ELISA, LC-MS/MS; absent if not")
        String assayMethod,
    @Schema(description = "the assay kit as reported; absent if not") String assayKit,
    @Schema(description = "the kit's lot as reported; absent if not") String assayLot,
    @Schema(description = "the plate or run as reported; absent if not") String assayRun,
    @Schema(
            description =
                "the run's lower limit of quantification, in standardUnit; absent if not reported")
        BigDecimal lloq,
    @Schema(
            description =
                "the run's upper limit of quantification, in standardUnit; absent if not reported")
        BigDecimal uloq,
    @Schema(
            description = "for stool: per wet or dry mass; absent if not reported",
            enumeration = {"WET", "DRY"})
        String basis) {

  /** A stored result, with its assay ({@link Assay#NONE} if none), before its window is judged. */
  public ResultView(
      long id,
      String participant,
      String visit,
      String sampleId,
      Specimen specimen,
      Instant collectedAt,
      String analyte,
      BigDecimal value,
      String unit,
      BigDecimal standardValue,
      String standardUnit,
      String comparator,
      boolean censored,
      QcStatus qcStatus,
      boolean registered,
      boolean corrected,
      Instant correctedAt,
      UUID batchId,
      Assay assay) {
    this(
        id,
        participant,
        visit,
        sampleId,
        specimen,
        collectedAt,
        analyte,
        value,
        unit,
        standardValue,
        standardUnit,
        comparator,
        censored,
        qcStatus,
        registered,
        corrected,
        correctedAt,
        batchId,
        null,
        assay.method(),
        assay.kit(),
        assay.lot(),
        assay.run(),
        assay.lloq(),
        assay.uloq(),
        assay.basis());
  }

  /** This result, flagged when {@code outOfWindow} (the flag is absent, not false, otherwise). */
  public ResultView flagged(boolean outOfWindow) {
    return new ResultView(
        id,
        participant,
        visit,
        sampleId,
        specimen,
        collectedAt,
        analyte,
        value,
        unit,
        standardValue,
        standardUnit,
        comparator,
        censored,
        qcStatus,
        registered,
        corrected,
        correctedAt,
        batchId,
        outOfWindow ? Boolean.TRUE : null,
        assayMethod,
        assayKit,
        assayLot,
        assayRun,
        lloq,
        uloq,
        basis);
  }
}
