package org.psybiome.biomarker.model;

import java.util.List;

/**
 * What this service knows of a trial's design beyond its arms: {@code interventionModel} as
 * trial-service names it (PARALLEL, CROSSOVER, N_OF_1, ...; null when not known), and the codes of
 * its crossover periods in the record's order (empty when it declares none).
 */
public record TrialDesign(String interventionModel, List<String> periods) {

  public TrialDesign {
    periods = periods == null ? List.of() : List.copyOf(periods);
  }
}
