package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class ParticipantAllocationRepository
    implements PanacheRepositoryBase<ParticipantAllocationEntity, ParticipantAllocationEntity.Key> {

  public Optional<ParticipantAllocationEntity> find(String trialId, String code) {
    return findByIdOptional(new ParticipantAllocationEntity.Key(trialId, code));
  }
}
