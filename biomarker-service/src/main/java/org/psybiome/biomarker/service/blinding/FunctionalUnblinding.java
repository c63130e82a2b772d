package org.psybiome.biomarker.service.blinding;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.WithheldAnalytes;
import org.psybiome.biomarker.model.WithheldResults;
import org.psybiome.biomarker.repository.TaxonNameStore;

/**
 * Values that reveal the allocation without naming an arm (docs/decisions.md, functional
 * unblinding): while a trial is masked, the abundance of the intervention's own organisms shows who
 * got it, and after faecal microbiota transplantation the whole profile and its diversity do (donor
 * engraftment). Per-participant results of those analytes are withheld from callers who may not see
 * arms (ResultAccess.canSeeAllocationRevealingResults); pooled summaries are not affected. When the
 * service cannot tell which taxa reveal the allocation it withholds them all.
 */
@ApplicationScoped
public class FunctionalUnblinding {

  static final String INTERVENTION_TAXA = "INTERVENTION_TAXA";
  static final String ALL_TAXA = "ALL_TAXA";

  private final TaxonNameStore names;

  FunctionalUnblinding(TaxonNameStore names) {
    this.names = names;
  }

  /** What is withheld from the caller, and why; empty when nothing is. */
  public record Withholding(String rule, WithheldAnalytes analytes, String reason) {

    /** Whether results of the analyte are withheld (by code, or by the analyte's layer). */
    public boolean withholds(String analyte, OmicsLayer layer) {
      return analytes.codes().contains(analyte)
          || (analytes.layer() != null && analytes.layer() == layer);
    }

    /** {@code filter}, leaving the withheld analytes out. */
    public ResultFilter applyTo(ResultFilter filter) {
      return filter.withholding(analytes);
    }

    /** The note a read carries when it left {@code results} out. */
    public WithheldResults note(long results) {
      return new WithheldResults(
          results,
          rule,
          INTERVENTION_TAXA.equals(rule) ? analytes.codes() : null,
          analytes.layer(),
          reason);
    }
  }

  /**
   * What is withheld of a masked trial's results from a caller who may not see arms (whoever may,
   * ResultAccess decides); empty when nothing is.
   */
  public Optional<Withholding> of(TrialSnapshot trial) {
    String masked = "Trial " + trial.id() + " is masked and the caller may not see arms: ";
    String until = "; withheld until the trial is unblinded (pooled summaries remain available)";
    if (trial.interventions() == null) {
      return Optional.of(
          allTaxa(
              masked
                  + "its interventions are not known to this service yet, so every taxon and"
                  + " diversity value is withheld in case it reveals the allocation"
                  + until));
    }
    List<TrialIntervention> organisms = new ArrayList<>();
    for (TrialIntervention intervention : trial.interventions()) {
      if (TrialIntervention.FMT.equals(intervention.type())) {
        return Optional.of(
            allTaxa(
                masked
                    + "after faecal microbiota transplantation the donor's taxa engraft, so a"
                    + " participant's whole taxonomic profile and its diversity reveal the"
                    + " allocation"
                    + until));
      }
      if (TrialIntervention.WITH_STRAINS.contains(intervention.type())) {
        if (intervention.strains().isEmpty()) {
          return Optional.of(
              allTaxa(
                  masked
                      + "intervention "
                      + intervention.code()
                      + " gives live organisms but its record lists no strain, so every taxon"
                      + " and diversity value is withheld in case it reveals the allocation"
                      + until));
        }
        organisms.add(intervention);
      }
    }
    if (organisms.isEmpty()) {
      return Optional.empty();
    }
    InterventionTaxa taxa =
        InterventionTaxa.of(organisms, names.genera(), names.reclassifications());
    if (!taxa.unresolved().isEmpty()) {
      return Optional.of(
          allTaxa(
              masked
                  + "the intervention's organisms belong to "
                  + String.join(", ", taxa.unresolved())
                  + ", a genus with no NCBI Taxonomy id known here, so which taxon carries it"
                  + " is unknown and every taxon and diversity value is withheld"
                  + until));
    }
    return Optional.of(
        new Withholding(
            INTERVENTION_TAXA,
            new WithheldAnalytes(List.copyOf(taxa.analytes()), null),
            masked
                + "the relative abundance of the intervention's own genera ("
                + String.join(", ", taxa.genera())
                + ") in a participant reveals whether they received it"
                + until));
  }

  private static Withholding allTaxa(String reason) {
    return new Withholding(
        ALL_TAXA, new WithheldAnalytes(List.of(), OmicsLayer.MICROBIOME_TAXONOMIC), reason);
  }
}
