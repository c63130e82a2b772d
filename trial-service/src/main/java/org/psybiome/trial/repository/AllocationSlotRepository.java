package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AllocationSlotRepository
    implements PanacheRepositoryBase<AllocationSlotEntity, AllocationSlotEntity.Key> {

  public int countOf(String trialId) {
    return (int) count("trialId", trialId);
  }

  public boolean sealed(String trialId) {
    return count("trialId", trialId) > 0;
  }

  /** The first unused slot of a stratum; the caller holds the trial's row lock. */
  public Optional<AllocationSlotEntity> nextFree(String trialId, String stratum) {
    return find(
            "trialId = ?1 and stratum = ?2 and participantCode is null order by position",
            trialId,
            stratum)
        .firstResultOptional();
  }

  public List<AllocationSlotEntity> ofTrial(String trialId) {
    return list("trialId = ?1 order by stratum, position", trialId);
  }
}
