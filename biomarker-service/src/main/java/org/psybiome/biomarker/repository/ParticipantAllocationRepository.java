package org.psybiome.biomarker.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * Each participant's arm at a visit of {@code period} (code → the arm's stable code), for per-arm
   * summaries: a participant with a treatment sequence has the arm of that period, none outside.
   */
  @SuppressWarnings("unchecked")
  public Map<String, String> arms(String trialId, String period) {
    // two columns, the period's arm looked up in the database: no entity loaded per participant
    List<Object[]> rows =
        getEntityManager()
            .createNativeQuery(
                "SELECT code, COALESCE(arm_code, period_arms ->> CAST(?2 AS text))"
                    + " FROM participant_allocation WHERE trial_id = ?1")
            .setParameter(1, trialId)
            .setParameter(2, period)
            .getResultList();
    Map<String, String> arms = new HashMap<>();
    for (Object[] row : rows) {
      if (row[1] != null) {
        arms.put((String) row[0], (String) row[1]);
      }
    }
    return arms;
  }

  /** The trial's participants with a treatment sequence, by code. */
  public List<ParticipantAllocationEntity> withSequence(String trialId) {
    return list("trialId = ?1 and sequenceCode is not null order by code", trialId);
  }

  /** Each participant's enrolment date (code → date): the SDTM reference start of study days. */
  public Map<String, LocalDate> enrolmentDates(String trialId) {
    List<Object[]> rows =
        getEntityManager()
            .createQuery(
                "select p.code, p.enrolledOn from ParticipantAllocationEntity p"
                    + " where p.trialId = ?1",
                Object[].class)
            .setParameter(1, trialId)
            .getResultList();
    Map<String, LocalDate> dates = new HashMap<>();
    for (Object[] row : rows) {
      dates.put((String) row[0], (LocalDate) row[1]);
    }
    return dates;
  }
}
