package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ParticipantRepository
    implements PanacheRepositoryBase<ParticipantEntity, ParticipantEntity.Key> {

  public long countByTrial(String trialId) {
    return count("trialId", trialId);
  }

  /** The earliest enrolment date of the trial's participants, if any. */
  public java.util.Optional<java.time.LocalDate> firstEnrolledOn(String trialId) {
    return getEntityManager()
        .createQuery(
            "select min(p.enrolledOn) from ParticipantEntity p where p.trialId = ?1",
            java.time.LocalDate.class)
        .setParameter(1, trialId)
        .getResultStream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
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
    return count("trialId = ?1 and code = ?2", trialId, code) > 0;
  }

  public List<ParticipantEntity> page(String trialId, String afterCode, int limit) {
    return find("trialId = ?1 and code > ?2 order by code", trialId, afterCode)
        .page(0, limit)
        .list();
  }
}
