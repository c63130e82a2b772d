package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ParticipantRepository
    implements PanacheRepositoryBase<ParticipantEntity, ParticipantEntity.Key> {

  /** A typed query, whose plan Hibernate caches (Panache's count derives a new one each call). */
  public long countByTrial(String trialId) {
    return getEntityManager()
        .createQuery("select count(p) from ParticipantEntity p where p.trialId = ?1", Long.class)
        .setParameter(1, trialId)
        .getSingleResult();
  }

  /** How many participants a trial has and when the first was enrolled. */
  public record Enrolment(long participants, java.util.Optional<java.time.LocalDate> firstOn) {

    /** From a {@code trial_enrolment} row's two columns; both null when the trial has none. */
    static Enrolment kept(Integer participants, java.time.LocalDate firstOn) {
      return new Enrolment(
          participants == null ? 0 : participants, java.util.Optional.ofNullable(firstOn));
    }
  }

  /** Both figures of a trial's record, as kept in {@code trial_enrolment} (one row by key). */
  public Enrolment enrolment(String trialId) {
    // a query, not find(): values, never an entity the persistence context would keep stale
    return getEntityManager()
        .createQuery(
            "select e.participants, e.firstEnrolledOn from TrialEnrolmentEntity e"
                + " where e.trialId = ?1",
            Object[].class)
        .setParameter(1, trialId)
        .getResultStream()
        .findFirst()
        .map(row -> Enrolment.kept((Integer) row[0], (java.time.LocalDate) row[1]))
        .orElse(Enrolment.kept(null, null));
  }

  /** How many participants each arm code has. */
  public java.util.Map<String, Long> countByArmCode(String trialId) {
    java.util.Map<String, Long> counts = new java.util.HashMap<>();
    getEntityManager()
        .createQuery(
            "select coalesce(p.armCode, p.sequenceCode), count(p) from ParticipantEntity p"
                + " where p.trialId = ?1 group by coalesce(p.armCode, p.sequenceCode)",
            Object[].class)
        .setParameter(1, trialId)
        .getResultList()
        .forEach(row -> counts.put((String) row[0], (Long) row[1]));
    return counts;
  }

  /** The participants the registry randomised, in the order they were enrolled. */
  public List<ParticipantEntity> randomised(String trialId) {
    return list("trialId = ?1 and allocation = 'RANDOMISED' order by enrolledAt, code", trialId);
  }

  public List<ParticipantEntity> ofTrial(String trialId) {
    return list("trialId = ?1 order by code", trialId);
  }

  public java.util.Optional<ParticipantEntity> findOne(String trialId, String code) {
    return find("trialId = ?1 and code = ?2", trialId, code).firstResultOptional();
  }

  public boolean exists(String trialId, String code) {
    return !getEntityManager()
        .createQuery(
            "select 1 from ParticipantEntity p where p.trialId = ?1 and p.code = ?2", Integer.class)
        .setParameter(1, trialId)
        .setParameter(2, code)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  public List<ParticipantEntity> page(String trialId, String afterCode, int limit) {
    return find("trialId = ?1 and code > ?2 order by code", trialId, afterCode)
        .page(0, limit)
        .list();
  }
}
