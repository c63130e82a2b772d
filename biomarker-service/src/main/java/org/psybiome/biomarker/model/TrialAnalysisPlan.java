package org.psybiome.biomarker.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The parts of a trial's analysis plan this service uses, as the record declares them
 * (trial-service's analysisPlan, API 1.1): the visit that ends treatment, and the subgroup analyses
 * by a baseline value the trial pre-registers.
 */
public record TrialAnalysisPlan(String endOfTreatmentVisit, List<PlannedSubgroup> subgroups) {

  public TrialAnalysisPlan {
    subgroups = subgroups == null ? List.of() : List.copyOf(subgroups);
  }

  /**
   * A pre-registered subgroup analysis: groups of the baseline value of {@code measure} (a
   * catalogue analyte or scale code), split at {@code cutoffs} (ascending: below the first, then at
   * or above each) or into {@code quantiles} of equal size; {@code stratificationFactor} names the
   * randomisation factor it mirrors, if any.
   */
  public record PlannedSubgroup(
      String code,
      String label,
      String measure,
      List<BigDecimal> cutoffs,
      Integer quantiles,
      String stratificationFactor) {

    public PlannedSubgroup {
      cutoffs = cutoffs == null ? List.of() : List.copyOf(cutoffs);
    }
  }
}
