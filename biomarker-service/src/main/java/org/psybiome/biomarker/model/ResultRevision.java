package org.psybiome.biomarker.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One value a result has had: as reported by its batch, or as a correction set it, with who, when
 * and (for a correction) why.
 */
@Schema(
    name = "ResultRevision",
    requiredProperties = {
      "kind",
      "value",
      "unit",
      "standardValue",
      "standardUnit",
      "censored",
      "qcStatus",
      "by",
      "at"
    })
public record ResultRevision(
    @Schema(
            description = "REPORTED (the batch's value), or CORRECTED",
            enumeration = {REPORTED, CORRECTED})
        String kind,
    @Schema(description = "the correction's id; absent for the reported value") Long correctionId,
    @Schema(description = "as reported or corrected") BigDecimal value,
    String unit,
    BigDecimal standardValue,
    String standardUnit,
    @Schema(
            description = "< or > for a limit of quantification, else absent",
            enumeration = {"<", ">"})
        String comparator,
    boolean censored,
    QcStatus qcStatus,
    @Schema(description = "why it was corrected; absent for the reported value") String reason,
    @Schema(description = "the token subject that reported or corrected it") String by,
    Instant at,
    @Schema(description = "the batch that reported it; absent for a correction") UUID batchId) {

  public static final String REPORTED = "REPORTED";
  public static final String CORRECTED = "CORRECTED";
}
