package org.psybiome.trial.model.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.psybiome.trial.model.results.ResultTables.Denom;
import org.psybiome.trial.model.results.ResultTables.Group;
import org.psybiome.trial.model.results.ResultTables.MeasureClass;

/**
 * The reported result of one outcome measure (TRDS item 23, outcome measures), with the statistical
 * analyses the sponsor reported for it.
 *
 * @param type PRIMARY, SECONDARY, OTHER_PRE_SPECIFIED or POST_HOC
 */
public record OutcomeMeasureResult(
    @NotBlank @Size(max = 30) String type,
    @Size(max = 300) String title,
    @Size(max = 3000) String description,
    @Size(max = 3000) String populationDescription,
    @Size(max = 30) String reportingStatus,
    @Size(max = 20) String anticipatedPostingDate,
    @Size(max = 60) String paramType,
    @Size(max = 60) String dispersionType,
    @Size(max = 100) String unitOfMeasure,
    Boolean calculatePct,
    @Size(max = 1000) String timeFrame,
    @Size(max = 100) String typeUnitsAnalyzed,
    @Size(max = 100) String denomUnitsSelected,
    @Size(max = 100) List<@Valid @NotNull Group> groups,
    List<@Valid @NotNull Denom> denoms,
    List<@Valid @NotNull MeasureClass> classes,
    @Size(max = 100) List<@Valid @NotNull Analysis> analyses) {

  public OutcomeMeasureResult {
    groups = ResultTables.orEmpty(groups);
    denoms = ResultTables.orEmpty(denoms);
    classes = ResultTables.orEmpty(classes);
    analyses = ResultTables.orEmpty(analyses);
  }

  /** One reported comparison: the estimate, its interval and p-value, and the method. */
  public record Analysis(
      List<@NotBlank String> groupIds,
      @Size(max = 1000) String groupDescription,
      @Size(max = 100) String paramType,
      @Size(max = 40) String paramValue,
      @Size(max = 100) String dispersionType,
      @Size(max = 40) String dispersionValue,
      @Size(max = 200) String statisticalMethod,
      @Size(max = 1000) String statisticalComment,
      @Size(max = 40) String pValue,
      @Size(max = 1000) String pValueComment,
      @Size(max = 20) String ciNumSides,
      @Size(max = 20) String ciPctValue,
      @Size(max = 40) String ciLowerLimit,
      @Size(max = 40) String ciUpperLimit,
      @Size(max = 1000) String ciLowerLimitComment,
      @Size(max = 1000) String ciUpperLimitComment,
      @Size(max = 1000) String estimateComment,
      Boolean testedNonInferiority,
      @Size(max = 40) String nonInferiorityType,
      @Size(max = 1000) String nonInferiorityComment,
      @Size(max = 1000) String otherAnalysisDescription) {
    public Analysis {
      groupIds = ResultTables.orEmpty(groupIds);
    }
  }
}
