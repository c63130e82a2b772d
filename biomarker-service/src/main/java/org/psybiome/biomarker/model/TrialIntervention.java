package org.psybiome.biomarker.model;

import java.util.List;

/**
 * An intervention of a trial as this service needs it to guard the blinding: its code, its type as
 * trial-service names it (PROBIOTIC, SYNBIOTIC, FMT, PLACEBO, ...) and, for live organisms, the
 * strains given.
 */
public record TrialIntervention(String code, String type, List<Strain> strains) {

  /** The types whose record lists the strains given. */
  public static final List<String> WITH_STRAINS = List.of("PROBIOTIC", "SYNBIOTIC");

  public static final String FMT = "FMT";

  public TrialIntervention {
    strains = strains == null ? List.of() : List.copyOf(strains);
  }

  /** A strain as registered, e.g. Lactobacillus helveticus R0052; {@code ncbiTaxonId} optional. */
  public record Strain(String genus, String species, Long ncbiTaxonId) {}
}
