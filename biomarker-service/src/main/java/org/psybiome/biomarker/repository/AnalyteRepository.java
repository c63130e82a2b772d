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

  /** Whether an analyte other than {@code exceptCode} has this SDTM test code. */
  public boolean sdtmTestCodeTaken(String testCode, String exceptCode) {
    return count("sdtmTestCode = ?1 and code <> ?2", testCode, exceptCode) > 0;
  }
}
