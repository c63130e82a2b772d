package org.psybiome.biomarker.service.blinding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.model.TrialIntervention.Strain;
import org.psybiome.biomarker.repository.TaxonNameStore.Reclassification;

/** Which TAXON_ analytes carry an intervention's strains, with a small table written here. */
class InterventionTaxaTest {

  private static final Map<String, Optional<Integer>> GENERA =
      Map.of(
          "Lactobacillus", Optional.of(1578),
          "Bifidobacterium", Optional.of(1678),
          "Lacticaseibacillus", Optional.of(2759736),
          "Latilactobacillus", Optional.empty());

  private static final List<Reclassification> MOVED =
      List.of(
          new Reclassification("Lactobacillus", "rhamnosus", "Lacticaseibacillus"),
          new Reclassification("Lactobacillus", "sakei", "Latilactobacillus"));

  @Test
  void eachStrainsGenusAndItsOwnIdAreTheInterventionsTaxa() {
    InterventionTaxa taxa =
        taxa(
            new Strain("Lactobacillus", "helveticus", 1587L),
            new Strain("Bifidobacterium", "longum", null));
    assertThat(taxa.analytes()).containsExactly("TAXON_1578", "TAXON_1587", "TAXON_1678");
    assertThat(taxa.genera()).containsExactly("Bifidobacterium", "Lactobacillus");
    assertThat(taxa.unresolved()).isEmpty();
  }

  @Test
  void aReclassifiedSpeciesCountsUnderBothGenusNamesWhicheverItWasRegisteredUnder() {
    InterventionTaxa former = taxa(new Strain("Lactobacillus", "rhamnosus", null));
    InterventionTaxa current = taxa(new Strain("Lacticaseibacillus", "rhamnosus", null));
    assertThat(former.analytes()).containsExactly("TAXON_1578", "TAXON_2759736");
    assertThat(current.analytes()).isEqualTo(former.analytes());
    // the species decides: L. helveticus stayed in Lactobacillus
    assertThat(taxa(new Strain("Lactobacillus", "helveticus", null)).analytes())
        .containsExactly("TAXON_1578");
  }

  @Test
  void aGenusWithoutAKnownIdIsUnresolved() {
    assertThat(taxa(new Strain("Lactobacillus", "sakei", null)).unresolved())
        .containsExactly("Latilactobacillus");
    assertThat(taxa(new Strain("Weissella", "cibaria", null)).unresolved())
        .containsExactly("Weissella");
  }

  private static InterventionTaxa taxa(Strain... strains) {
    return InterventionTaxa.of(
        List.of(new TrialIntervention("PRO", "PROBIOTIC", List.of(strains))), GENERA, MOVED);
  }
}
