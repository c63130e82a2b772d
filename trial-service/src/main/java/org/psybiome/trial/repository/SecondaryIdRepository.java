package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SecondaryIdRepository
    implements PanacheRepositoryBase<SecondaryIdEntity, SecondaryIdEntity.Key> {

  public Optional<String> claimant(String registry, String value) {
    return find("registry = ?1 and value = ?2", registry, value)
        .firstResultOptional()
        .map(claim -> claim.trialId);
  }

  public void releaseAll(String trialId) {
    delete("trialId", trialId);
  }
}
