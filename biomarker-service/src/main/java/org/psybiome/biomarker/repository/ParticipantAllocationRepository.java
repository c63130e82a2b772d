package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

@ApplicationScoped
public class ParticipantAllocationRepository
    implements PanacheRepositoryBase<ParticipantAllocationEntity, ParticipantAllocationEntity.Key> {

  public Optional<ParticipantAllocationEntity> find(String trialId, String code) {
    return findByIdOptional(new ParticipantAllocationEntity.Key(trialId, code));
  }

  /** The codes of the trial's participants, to check a whole batch with one query. */
  public Set<String> codes(String trialId) {
    return new HashSet<>(
        getEntityManager()
            .createQuery(
                "select p.code from ParticipantAllocationEntity p where p.trialId = ?1",
                String.class)
            .setParameter(1, trialId)
            .getResultList());
  }
}
