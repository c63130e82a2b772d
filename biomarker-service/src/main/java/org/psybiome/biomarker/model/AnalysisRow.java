package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One outcome's comparison of one arm with the comparator at a visit, as the analysis table reports
 * it: the baseline-adjusted analysis where it can be fitted, else the unadjusted one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "AnalysisRow",
    requiredProperties = {"measure", "role", "registered"})
public record AnalysisRow(
    @Schema(description = "the outcome's measure (scale or analyte code)", example = "HAMD17")
        String measure,
    @Schema(
            description =
                "PRIMARY or SECONDARY as registered; NOT_REGISTERED: analysed (results at the"
                    + " visit) but not a registered outcome",
            enumeration = {"PRIMARY", "SECONDARY", "NOT_REGISTERED"})
        String role,
    @Schema(description = "false for a measure analysed but not registered as an outcome")
        boolean registered,
    @Schema(description = "the compared arm's code (absent while the caller may not see arms)")
        String experimentalArm,
    @Schema(description = "the comparator arm's code") String comparatorArm,
    @Schema(
            description =
                "ANCOVA: baseline-adjusted mean difference (Vickers & Altman 2001); LOG_ANCOVA: the"
                    + " same on natural logs, as a ratio of geometric means; WELCH and LOG_WELCH: the"
                    + " unadjusted comparisons, used where the adjusted one cannot be fitted (see"
                    + " reason)",
            enumeration = {"ANCOVA", "LOG_ANCOVA", "WELCH", "LOG_WELCH"})
        String analysis,
    @Schema(
            description =
                "MEAN_DIFFERENCE (arm − comparator) or GEOMETRIC_MEAN_RATIO (arm / comparator)",
            enumeration = {"MEAN_DIFFERENCE", "GEOMETRIC_MEAN_RATIO"})
        String estimand,
    Double estimate,
    @Schema(description = "95% confidence interval, low end") Double ciLow,
    @Schema(description = "95% confidence interval, high end") Double ciHigh,
    @Schema(description = "two-sided p of the analysis, unadjusted") Double p,
    @Schema(
            description =
                "p adjusted for multiplicity: primary outcomes by Holm across the arms compared"
                    + " with the comparator; secondary outcomes by Benjamini–Hochberg across every"
                    + " secondary comparison of the table; absent for measures not registered")
        Double pAdjusted,
    @Schema(
            description = "how pAdjusted was adjusted",
            enumeration = {"HOLM_ACROSS_ARMS", "BENJAMINI_HOCHBERG_SECONDARY", "NONE"})
        String adjustment,
    @Schema(
            description =
                "participants of the two arms compared in the analysis; while the caller may not"
                    + " see arms, the pooled n")
        Integer n,
    @Schema(description = "why there is no comparison, or why the unadjusted one is shown")
        String reason) {

  /** The same row with its multiplicity-adjusted p. */
  public AnalysisRow withPAdjusted(Double adjusted, String how) {
    return new AnalysisRow(
        measure,
        role,
        registered,
        experimentalArm,
        comparatorArm,
        analysis,
        estimand,
        estimate,
        ciLow,
        ciHigh,
        p,
        adjusted,
        how,
        n,
        reason);
  }
}
