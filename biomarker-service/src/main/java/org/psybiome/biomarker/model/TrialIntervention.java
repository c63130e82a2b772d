package org.psybiome.biomarker.model;

import java.util.List;

/**
 * An intervention of a trial as this service needs it to guard the blinding: its code, its type as
 * trial-service names it (PROBIOTIC, SYNBIOTIC, FMT, PLACEBO, ...) and, for live organisms, the
 * strains given; for standard care (STANDARD_CARE), whether the psychobiotic is added to it ({@code
 * adjunct}; null for other types and for interventions learnt before it was kept).
 */
public record TrialIntervention(String code, String type, List<Strain> strains, Boolean adjunct) {

  /** The types whose record lists the strains given. */
  public static final List<String> WITH_STRAINS = List.of("PROBIOTIC", "SYNBIOTIC");

  public static final String FMT = "FMT";

  public static final String STANDARD_CARE = "STANDARD_CARE";

  public TrialIntervention {
    strains = strains == null ? List.of() : List.copyOf(strains);
  }

  public TrialIntervention(String code, String type, List<Strain> strains) {
    this(code, type, strains, null);
  }

  /** A strain as registered, e.g. Lactobacillus helveticus R0052; {@code ncbiTaxonId} optional. */
  public record Strain(String genus, String species, Long ncbiTaxonId) {}
}
