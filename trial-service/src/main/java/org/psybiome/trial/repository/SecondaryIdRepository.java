package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class SecondaryIdRepository
    implements PanacheRepositoryBase<SecondaryIdEntity, SecondaryIdEntity.Key> {

  /**
   * The trial that claims an id. A scalar query: the claim itself is not loaded, so it can be
   * released and claimed again in the same transaction.
   */
  public Optional<String> claimant(String registry, String value) {
    return getEntityManager()
        .createQuery(
            "select s.trialId from SecondaryIdEntity s where s.registry = ?1 and s.value = ?2",
            String.class)
        .setParameter(1, registry)
        .setParameter(2, value)
        .getResultStream()
        .findFirst();
  }

  public void releaseAll(String trialId) {
    delete("trialId", trialId);
  }
}
