package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A summary of an analyte at a visit of a trial: pooled, or per arm with each arm compared with the
 * trial's comparator arm; of the values themselves, or of their changes from the baseline visit.
 */
@Schema(
    name = "Summary",
    requiredProperties = {"trialId", "analyte", "unit", "visit", "by", "change"})
public record Summary(
    String trialId,
    String analyte,
    @Schema(description = "standard UCUM unit of the values") String unit,
    String visit,
    @Schema(
            description = "pooled, arm or run",
            enumeration = {"pooled", "arm", "run"})
        String by,
    @Schema(description = "true: changes from the baseline visit (visit − baseline)")
        boolean change,
    @Schema(description = "the trial's baseline visit, when change is true") String baselineVisit,
    @Schema(description = "all participants (by=pooled)") Statistics pooled,
    @Schema(description = "per arm, in the trial's order (by=arm)") List<ArmSummary> arms,
    @Schema(
            description =
                "the first of comparisons (by=arm), kept for clients of API 1.0; absent when there"
                    + " is no comparison")
        ArmComparison comparison,
    @Schema(
            description =
                "by=arm: each arm other than the comparator vs the comparator, in the trial's arm"
                    + " order; empty when there is no comparator (noComparisonReason)")
        List<ArmComparison> comparisons,
    @Schema(description = "by=arm: stable code of the comparator arm, null when there is none")
        String comparatorArm,
    @Schema(
            description =
                "by=arm: how the comparator was found. DECLARED: the trial's"
                    + " design.comparatorArm; SOLE_INACTIVE_COMPARATOR: without a declaration, the"
                    + " only arm of type PLACEBO_COMPARATOR, SHAM_COMPARATOR or NO_INTERVENTION;"
                    + " SOLE_ACTIVE_COMPARATOR: without a declaration or such an arm, the only"
                    + " ACTIVE_COMPARATOR arm. Null when there is none",
            enumeration = {"DECLARED", "SOLE_INACTIVE_COMPARATOR", "SOLE_ACTIVE_COMPARATOR"})
        String comparatorRule,
    @Schema(description = "by=arm: why there are no comparisons, when there are none")
        String noComparisonReason,
    @Schema(
            description =
                "by=arm with comparisons: why they carry no ANCOVA (the visit is the baseline, the"
                    + " trial has no baseline visit, too few participants with both values, ...);"
                    + " null when the ANCOVA was fitted")
        String ancovaUnavailableReason,
    @Schema(
            description =
                "the catalogue analyses the analyte on the log scale by default (skewed"
                    + " concentrations such as cytokines): geometric means and ratios are added")
        boolean logScale,
    @Schema(
            description =
                "by=pooled, log-scale analyte, change=false: geometric mean of all participants'"
                    + " values with its 95% CI")
        GeometricMean pooledGeometricMean,
    @Schema(
            description =
                "how censored latest results were handled, as the request declared it (censored"
                    + " parameter): exclude (counted in nCensored only) or lloq-sqrt2 (below the"
                    + " lower limit: limit/√2, counted in n, nCensored and nSubstituted; above the"
                    + " upper limit: excluded)",
            enumeration = {"exclude", "lloq-sqrt2"})
        String censoredHandling,
    @Schema(
            description =
                "how results collected outside their visit's window were handled, as the request"
                    + " declared it (window parameter): exclude (counted in nOutOfWindow only) or"
                    + " include (used, and counted in nOutOfWindow too)",
            enumeration = {"exclude", "include"})
        String windowHandling,
    @Schema(
            description =
                "the scale of the values summarised, as the request declared it (scale"
                    + " parameter): raw (standard values) or clr (centred log-ratio of the taxon"
                    + " within each sample's full genus profile; unit 1)",
            enumeration = {"raw", "clr"})
        String scale,
    @Schema(
            description =
                "scale=clr: how zero abundances were replaced before taking logarithms, and which"
                    + " parts the log-ratio is centred on")
        String zeroReplacement,
    @Schema(
            description =
                "scale=clr: samples (one per participant, at the visit and for change=true at"
                    + " baseline) left out because their genus profile gives no log-ratio, by"
                    + " visit and reason")
        List<ClrExclusion> clrExcluded,
    @Schema(
            description =
                "by=run: per assay run of the participants' latest results at the visit (pooled"
                    + " over arms), ordered by run with \"unspecified\" (results without an"
                    + " assayRun) last")
        List<RunSummary> runs) {

  /** A summary of raw values. */
  public Summary(
      String trialId,
      String analyte,
      String unit,
      String visit,
      String by,
      boolean change,
      String baselineVisit,
      Statistics pooled,
      List<ArmSummary> arms,
      ArmComparison comparison,
      List<ArmComparison> comparisons,
      String comparatorArm,
      String comparatorRule,
      String noComparisonReason,
      String ancovaUnavailableReason,
      boolean logScale,
      GeometricMean pooledGeometricMean,
      String censoredHandling,
      String windowHandling) {
    this(
        trialId,
        analyte,
        unit,
        visit,
        by,
        change,
        baselineVisit,
        pooled,
        arms,
        comparison,
        comparisons,
        comparatorArm,
        comparatorRule,
        noComparisonReason,
        ancovaUnavailableReason,
        logScale,
        pooledGeometricMean,
        censoredHandling,
        windowHandling,
        "raw",
        null,
        null,
        null);
  }
}
