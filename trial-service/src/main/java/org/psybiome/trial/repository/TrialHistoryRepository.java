package org.psybiome.trial.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Versions, status history and audit entries of trials: written once, read in order. */
@ApplicationScoped
public class TrialHistoryRepository {

  private final EntityManager em;

  TrialHistoryRepository(EntityManager em) {
    this.em = em;
  }

  public void add(Object historyEntity) {
    em.persist(historyEntity);
  }

  public List<TrialVersionEntity> versions(String trialId) {
    return em.createQuery(
            "from TrialVersionEntity where trialId = ?1 order by version", TrialVersionEntity.class)
        .setParameter(1, trialId)
        .getResultList();
  }

  public Optional<TrialVersionEntity> version(String trialId, int version) {
    TrialVersionEntity.Key key = new TrialVersionEntity.Key();
    key.trialId = trialId;
    key.version = version;
    return Optional.ofNullable(em.find(TrialVersionEntity.class, key));
  }

  public List<StatusHistoryEntity> statusHistory(String trialId) {
    return em.createQuery(
            "from StatusHistoryEntity where trialId = ?1 order by seq", StatusHistoryEntity.class)
        .setParameter(1, trialId)
        .getResultList();
  }

  private static final List<org.psybiome.trial.model.TrialStatus> ENROLLING =
      java.util.Arrays.stream(org.psybiome.trial.model.TrialStatus.values())
          .filter(org.psybiome.trial.model.TrialStatus::isEnrolling)
          .toList();

  // one parameter per status rather than one list parameter: with a list, Hibernate translated the
  // query to SQL again at every execution (26 of its 36 samples in an enrolment's profile)
  private static final String FIRST_ENROLLING_DATE =
      "select min(s.effectiveDate) from StatusHistoryEntity s where s.trialId = ?1 and s.status in ("
          + java.util.stream.IntStream.range(0, ENROLLING.size())
              .mapToObj(i -> "?" + (i + 2))
              .collect(java.util.stream.Collectors.joining(", "))
          + ")";

  /** The first date the trial was recruiting (or enrolling by invitation), if it ever was. */
  public Optional<java.time.LocalDate> firstEnrollingDate(String trialId) {
    var query =
        em.createQuery(FIRST_ENROLLING_DATE, java.time.LocalDate.class).setParameter(1, trialId);
    for (int i = 0; i < ENROLLING.size(); i++) {
      query.setParameter(i + 2, ENROLLING.get(i));
    }
    return Optional.ofNullable(query.getSingleResult());
  }

  public List<AuditEntryEntity> audit(String trialId, long afterId, int limit) {
    return em.createQuery(
            "from AuditEntryEntity where trialId = ?1 and id > ?2 order by id",
            AuditEntryEntity.class)
        .setParameter(1, trialId)
        .setParameter(2, afterId)
        .setMaxResults(limit)
        .getResultList();
  }
}
