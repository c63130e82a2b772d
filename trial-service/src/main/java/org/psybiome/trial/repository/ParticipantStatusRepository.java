package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ParticipantStatusRepository
    implements PanacheRepositoryBase<ParticipantStatusEntity, ParticipantStatusEntity.Key> {

  public List<ParticipantStatusEntity> of(String trialId, String code) {
    return list("trialId = ?1 and code = ?2 order by seq", trialId, code);
  }

  public List<ParticipantStatusEntity> ofParticipants(String trialId, List<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    return list("trialId = ?1 and code in ?2 order by code, seq", trialId, codes);
  }

  public List<ParticipantStatusEntity> ofTrial(String trialId) {
    return list("trialId = ?1 order by code, seq", trialId);
  }
}
