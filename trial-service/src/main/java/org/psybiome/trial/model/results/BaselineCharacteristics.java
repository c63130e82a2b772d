package org.psybiome.trial.model.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.psybiome.trial.model.results.ResultTables.Denom;
import org.psybiome.trial.model.results.ResultTables.Group;
import org.psybiome.trial.model.results.ResultTables.MeasureClass;

/** The groups' characteristics at baseline (TRDS item 23, baseline characteristics). */
public record BaselineCharacteristics(
    @Size(max = 5000) String populationDescription,
    @Size(max = 100) String typeUnitsAnalyzed,
    @Size(max = 100) List<@Valid @NotNull Group> groups,
    List<@Valid @NotNull Denom> denoms,
    @Size(max = 500) List<@Valid @NotNull Measure> measures) {

  public BaselineCharacteristics {
    groups = ResultTables.orEmpty(groups);
    denoms = ResultTables.orEmpty(denoms);
    measures = ResultTables.orEmpty(measures);
  }

  public record Measure(
      @Size(max = 300) String title,
      @Size(max = 3000) String description,
      @Size(max = 3000) String populationDescription,
      @Size(max = 60) String paramType,
      @Size(max = 60) String dispersionType,
      @Size(max = 100) String unitOfMeasure,
      Boolean calculatePct,
      @Size(max = 100) String denomUnitsSelected,
      List<@Valid @NotNull Denom> denoms,
      List<@Valid @NotNull MeasureClass> classes) {
    public Measure {
      denoms = ResultTables.orEmpty(denoms);
      classes = ResultTables.orEmpty(classes);
    }
  }
}
