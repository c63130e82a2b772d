package org.psybiome.biomarker.service.blinding;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.repository.TaxonNameStore.Reclassification;

/**
 * The genus-level taxa (analytes {@code TAXON_<NCBI id>}) that carry a trial's live organisms. A
 * strain's genus counts as registered and, when the species moved in the 2020 reclassification of
 * Lactobacillus, under its other name too: a profile classified against an older reference database
 * reports Lacticaseibacillus rhamnosus as Lactobacillus, a newer one the reverse. The strain's own
 * NCBI id counts as well, in case a pipeline reports below genus level.
 *
 * @param analytes the TAXON_ codes found, sorted
 * @param genera the genus names of the strains, under both names when reclassified
 * @param unresolved the genus names that have no NCBI id here: which analyte carries them is not
 *     known, so nothing short of every taxon can be withheld
 */
record InterventionTaxa(
    SortedSet<String> analytes, SortedSet<String> genera, SortedSet<String> unresolved) {

  static final String PREFIX = "TAXON_";

  static InterventionTaxa of(
      List<TrialIntervention> interventions,
      Map<String, Optional<Integer>> genusIds,
      List<Reclassification> reclassifications) {
    SortedSet<String> analytes = new TreeSet<>();
    SortedSet<String> genera = new TreeSet<>();
    SortedSet<String> unresolved = new TreeSet<>();
    for (TrialIntervention intervention : interventions) {
      for (TrialIntervention.Strain strain : intervention.strains()) {
        genera.add(strain.genus());
        for (Reclassification moved : reclassifications) {
          if (moved.species().equals(strain.species())
              && (moved.formerGenus().equals(strain.genus())
                  || moved.currentGenus().equals(strain.genus()))) {
            genera.add(moved.formerGenus());
            genera.add(moved.currentGenus());
          }
        }
        if (strain.ncbiTaxonId() != null) {
          analytes.add(PREFIX + strain.ncbiTaxonId());
        }
      }
    }
    for (String genus : genera) {
      Optional<Integer> id = genusIds.getOrDefault(genus, Optional.empty());
      if (id.isPresent()) {
        analytes.add(PREFIX + id.get());
      } else {
        unresolved.add(genus);
      }
    }
    return new InterventionTaxa(analytes, genera, unresolved);
  }
}
