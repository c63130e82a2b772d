package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PanelRepository implements PanacheRepositoryBase<PanelEntity, String> {

  public List<PanelEntity> all() {
    return listAll(Sort.by("code"));
  }
}
