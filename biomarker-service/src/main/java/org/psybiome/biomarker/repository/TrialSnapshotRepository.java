package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class TrialSnapshotRepository implements PanacheRepositoryBase<TrialSnapshotEntity, String> {

  /** Locks the snapshot, so that two replicas applying events of one trial queue up. */
  public Optional<TrialSnapshotEntity> findForUpdate(String trialId) {
    return findByIdOptional(trialId, LockModeType.PESSIMISTIC_WRITE);
  }
}
