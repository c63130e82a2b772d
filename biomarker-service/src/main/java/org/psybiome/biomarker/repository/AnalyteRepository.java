package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psybiome.biomarker.model.OmicsLayer;

@ApplicationScoped
public class AnalyteRepository implements PanacheRepositoryBase<AnalyteEntity, String> {

  public List<AnalyteEntity> all(OmicsLayer layer) {
    return layer == null ? listAll(Sort.by("code")) : list("layer", Sort.by("code"), layer);
  }

  public List<AnalyteEntity> byCodes(List<String> codes) {
    return codes.isEmpty() ? List.of() : list("code in ?1", codes);
  }

  /**
   * Adds a genus abundance (%, stool) to the catalogue unless its code is there already: batches
   * reporting the same new genus at once must not fail on each other. True when the genus is in the
   * catalogue afterwards; false when another analyte took the SDTM test code meanwhile (nothing
   * added).
   */
  public boolean addGenusIfAbsent(
      String code, String name, int ncbiTaxonId, String sdtmTestCode, String sdtmTestName) {
    // no conflict target: a concurrent batch may have taken the code or the SDTM test code; the
    // statement then waits for it to commit and inserts nothing, instead of failing the batch
    int inserted =
        getEntityManager()
            .createNativeQuery(
                "INSERT INTO analyte (code, name, layer, specimen, unit, ncbi_taxon_id, plausible_low,"
                    + " plausible_high, derived, log_scale, sdtm_test_code, sdtm_test_name)"
                    + " VALUES (?1, ?2, 'MICROBIOME_TAXONOMIC', 'STOOL', '%', ?3, 0, 100, false, false,"
                    + " ?4, ?5) ON CONFLICT DO NOTHING")
            .setParameter(1, code)
            .setParameter(2, name)
            .setParameter(3, ncbiTaxonId)
            .setParameter(4, sdtmTestCode)
            .setParameter(5, sdtmTestName)
            .executeUpdate();
    if (inserted == 0 && findByIdOptional(code).isEmpty()) {
      return false; // the test code was taken meanwhile: the caller derives another
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO analyte_specimen (analyte_code, specimen) VALUES (?1, 'STOOL')"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, code)
        .executeUpdate();
    return true;
  }

  /** Whether an analyte other than {@code exceptCode} has this SDTM test code. */
  public boolean sdtmTestCodeTaken(String testCode, String exceptCode) {
    return count("sdtmTestCode = ?1 and code <> ?2", testCode, exceptCode) > 0;
  }
}
