package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ScreeningRepository implements PanacheRepositoryBase<ScreeningEntity, Long> {

  public List<ScreeningEntity> ofTrial(String trialId) {
    return list("trialId = ?1 order by id", trialId);
  }
}
