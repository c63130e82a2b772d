package org.psybiome.biomarker.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The treatment effect within subgroups of a baseline value (e.g. hs-CRP below 3 mg/L and at or
 * above it), with the arm × subgroup interaction tested in one model per comparison. Subgroup sizes
 * are pooled; effects and the interaction test reveal the allocation and are given only to callers
 * who may see arms. No p value is given per subgroup: the interaction test is the test. A field
 * without a value is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
    name = "SubgroupAnalysis",
    requiredProperties = {
      "trialId",
      "outcome",
      "visit",
      "baselineVisit",
      "subgroup",
      "preRegistered",
      "preRegistration",
      "byArm",
      "logScale",
      "effectMeasure",
      "windowHandling",
      "nAllocated",
      "nAnalysed",
      "notAnalysed",
      "groups",
      "notes"
    })
public record SubgroupAnalysis(
    String trialId,
    @Schema(description = "the outcome measure (analyte or scale code)", example = "HAMD17")
        String outcome,
    @Schema(description = "the outcome's catalogue unit") String outcomeUnit,
    @Schema(description = "the visit the outcome is taken at") String visit,
    @Schema(
            description =
                "the trial's baseline visit: of the subgroup value and of the outcome's baseline")
        String baselineVisit,
    Variable subgroup,
    @Schema(
            description =
                "true when the subgroup analysis is the trial record's pre-registered one"
                    + " (subgroup=CODE), false when exploratory (by=)")
        boolean preRegistered,
    @Schema(description = "the same in a sentence") String preRegistration,
    @Schema(
            description =
                "true when per-arm figures, effects and interaction tests are given; false while"
                    + " the trial is blinded to the caller (pooled subgroup sizes only)")
        boolean byArm,
    @Schema(
            description =
                "the outcome is analysed on natural logs (a log-scale analyte): effects are ratios"
                    + " of geometric means")
        boolean logScale,
    @Schema(description = "MEAN_DIFFERENCE or GEOMETRIC_MEAN_RATIO (experimental vs comparator)")
        String effectMeasure,
    @Schema(
            description =
                "latest results collected outside their visit's window are not used (exclude)")
        String windowHandling,
    @Schema(description = "participants allocated to an arm of the trial's record") int nAllocated,
    @Schema(
            description =
                "of them, those with a subgroup, an outcome at the visit and one at baseline")
        int nAnalysed,
    @Schema(description = "why the others are not analysed, one reason each")
        List<NotAnalysed> notAnalysed,
    @Schema(description = "the subgroups in ascending order, with their pooled sizes")
        List<Group> groups,
    @Schema(description = "how values were classified and what was left out, in sentences")
        List<String> notes,
    @Schema(description = "the comparator arm's stable code; absent when byArm is false")
        String comparatorArm,
    @Schema(description = "how the comparator was chosen (DECLARED, SOLE_INACTIVE_COMPARATOR, ...)")
        String comparatorRule,
    @Schema(description = "why no arm is compared, when byArm is true and none is")
        String noComparisonReason,
    @Schema(
            description =
                "each other arm vs the comparator, in the trial's arm order, each with a model of"
                    + " its own; absent when byArm is false")
        List<Comparison> comparisons) {

  public SubgroupAnalysis {
    notAnalysed = List.copyOf(notAnalysed);
    groups = List.copyOf(groups);
    notes = List.copyOf(notes);
    comparisons = comparisons == null ? null : List.copyOf(comparisons);
  }

  /** The baseline variable that defines the subgroups, and the cut values used. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "SubgroupVariable",
      requiredProperties = {"measure", "unit", "cuts"})
  public record Variable(
      @Schema(description = "the plan's subgroup code; absent for an exploratory analysis")
          String code,
      @Schema(description = "the plan's label") String label,
      @Schema(description = "the baseline measure (analyte or scale code)", example = "HSCRP")
          String measure,
      @Schema(description = "its catalogue unit, the unit of the cuts", example = "mg/L")
          String unit,
      @Schema(description = "the specimen of the measure's results used") Specimen specimen,
      @Schema(description = "the cutoffs given (by the plan or the request), ascending")
          List<BigDecimal> cutoffs,
      @Schema(description = "the number of quantile groups asked for (2-5)") Integer quantiles,
      @Schema(
              description =
                  "the cut values used, ascending: the cutoffs, or the type-7 quantiles of the"
                      + " pooled baseline values; a value equal to a cut is in the upper group")
          List<Double> cuts,
      @Schema(description = "the randomisation stratification factor the plan says it mirrors")
          String stratificationFactor) {

    public Variable {
      cutoffs = cutoffs == null ? null : List.copyOf(cutoffs);
      cuts = List.copyOf(cuts);
    }
  }

  /** Participants not analysed for one reason. */
  @Schema(
      name = "SubgroupNotAnalysed",
      requiredProperties = {"reason", "n"})
  public record NotAnalysed(
      @Schema(
              description =
                  "NO_OUTCOME_AT_VISIT, NO_OUTCOME_AT_BASELINE, NON_POSITIVE_OUTCOME (log scale),"
                      + " NO_SUBGROUP_VALUE (none usable at baseline: none, QC FAIL only, out of"
                      + " window), CENSORED_ACROSS_CUT (censored at a limit of quantification that"
                      + " does not put it on one side of every cut)")
          String reason,
      int n) {}

  /** A subgroup: values from lower (inclusive) to upper (exclusive); a missing bound is open. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "SubgroupGroup",
      requiredProperties = {"index", "label", "n", "nCensoredBaseline"})
  public record Group(
      @Schema(description = "0 for the lowest") int index,
      @Schema(example = "HSCRP ≥ 3") String label,
      @Schema(description = "the cut at or above which values belong here; absent for the lowest")
          Double lower,
      @Schema(description = "the cut below which values belong here; absent for the highest")
          Double upper,
      @Schema(description = "analysed participants in the group, all arms pooled") int n,
      @Schema(
              description =
                  "of them, with a censored baseline value placed here by its limit of"
                      + " quantification")
          int nCensoredBaseline) {}

  /** One arm vs the comparator: effects within each subgroup and the interaction test. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "SubgroupComparison",
      requiredProperties = {
        "experimentalArm",
        "comparatorArm",
        "nExperimental",
        "nComparator",
        "effects",
        "interaction"
      })
  public record Comparison(
      String experimentalArm,
      String comparatorArm,
      @Schema(description = "analysed participants of the experimental arm") int nExperimental,
      @Schema(description = "analysed participants of the comparator arm") int nComparator,
      @Schema(description = "the effect within each subgroup, in the groups' order")
          List<Effect> effects,
      Interaction interaction) {

    public Comparison {
      effects = List.copyOf(effects);
    }
  }

  /**
   * The treatment effect within a subgroup: ANCOVA (outcome ~ arm + baseline outcome, within the
   * subgroup) where it can be fitted, else the unadjusted difference of means with Welch's
   * interval. On the log scale, estimate and interval are back-transformed to a ratio of geometric
   * means; standardError stays on the log scale.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "SubgroupEffect",
      requiredProperties = {"group", "label", "nExperimental", "nComparator"})
  public record Effect(
      int group,
      String label,
      int nExperimental,
      int nComparator,
      @Schema(description = "ANCOVA or UNADJUSTED; absent when no effect can be estimated")
          String method,
      @Schema(description = "experimental − comparator (a ratio on the log scale)") Double estimate,
      @Schema(description = "of the estimate on the model's scale (natural logs on the log scale)")
          Double standardError,
      @Schema(description = "95% interval: estimate ± t(0.975, df)·standardError") Double ciLow,
      Double ciHigh,
      @Schema(description = "residual (ANCOVA) or Welch degrees of freedom") Double df,
      @Schema(description = "why the ANCOVA or any estimate is unavailable, when it is")
          String reason) {}

  /**
   * The arm × subgroup interaction from one OLS model over the comparison's analysed participants:
   * outcome ~ arm + subgroup + arm × subgroup + baseline outcome, the interaction terms tested
   * jointly against the model without them (F; with two subgroups the same as the t test of the
   * single term).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @Schema(
      name = "SubgroupInteraction",
      requiredProperties = {"model", "groupsInModel"})
  public record Interaction(
      @Schema(example = "HAMD17@W8 ~ arm + subgroup + arm×subgroup + HAMD17@W0") String model,
      @Schema(description = "participants in the model") Integer n,
      @Schema(
              description =
                  "the indexes of the subgroups in the model: those with participants of both"
                      + " arms")
          List<Integer> groupsInModel,
      Double f,
      @Schema(description = "numerator degrees of freedom: subgroups in the model − 1") Double df1,
      @Schema(description = "residual degrees of freedom of the model") Double df2,
      @Schema(description = "upper tail of F(df1, df2)") Double p,
      @Schema(
              description =
                  "with two subgroups: the interaction coefficient (effect in the upper subgroup −"
                      + " effect in the lower, on the model's scale)")
          Double estimate,
      @Schema(description = "with two subgroups: its t (t² = f)") Double t,
      @Schema(description = "why the test is unavailable, when it is") String unavailableReason) {

    public Interaction {
      groupsInModel = List.copyOf(groupsInModel);
    }
  }
}
