package org.psybiome.trial.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Optional;

@ApplicationScoped
public class TrialRepository implements PanacheRepositoryBase<TrialEntity, String> {

  /** Loads a trial for a change, locking its row so concurrent writers queue up. */
  public Optional<TrialEntity> findForUpdate(String id) {
    return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Locks a trial's row as {@link #findForUpdate} does, for a change that leaves the trial itself
   * as it is (an enrolment): loaded read-only, so the flushes before each later query and at commit
   * do not compare its JSON document with a snapshot (most of an enrolment's time in Hibernate).
   */
  public Optional<TrialEntity> lockUnchanged(String id) {
    return readOnly(id, LockModeType.PESSIMISTIC_WRITE);
  }

  /**
   * Loads a trial to read it only. Hibernate then keeps no snapshot of its JSON document (made by
   * writing the document and parsing it again) and compares none at commit: for a read of one
   * trial, or a search page of 21, that was most of the service's time in Jackson.
   */
  public Optional<TrialEntity> findForReading(String id) {
    return readOnly(id, LockModeType.NONE);
  }

  private Optional<TrialEntity> readOnly(String id, LockModeType lock) {
    return Optional.ofNullable(
        getEntityManager()
            .find(
                TrialEntity.class,
                id,
                lock,
                java.util.Map.<String, Object>of(
                    org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)));
  }

  /**
   * A trial's stamp: its access fields, version and enrolment figures (as kept in {@code
   * trial_enrolment}), in one statement that leaves the JSON document on disk (a read that is
   * answered from a cached rendering needs no more).
   */
  public Optional<TrialStamp> stamp(String id) {
    return getEntityManager()
        .createQuery(
            "select t.id, t.consortium, t.status, t.version, t.updatedAt,"
                + " e.participants, e.firstEnrolledOn"
                + " from TrialEntity t left join TrialEnrolmentEntity e on e.trialId = t.id"
                + " where t.id = ?1",
            Object[].class)
        .setParameter(1, id)
        .getResultStream()
        .findFirst()
        .map(TrialStamp::of);
  }

  /** Ids of the registered trials (every status but DRAFT), in id order. */
  public java.util.List<String> registeredIds() {
    return getEntityManager()
        .createQuery(
            "select t.id from TrialEntity t where t.status <> :draft order by t.id", String.class)
        .setParameter("draft", org.psybiome.trial.model.TrialStatus.DRAFT)
        .getResultList();
  }

  /** The next trial number; unique across replicas and years. */
  public long nextNumber() {
    return ((Number)
            getEntityManager()
                .createNativeQuery("SELECT nextval('trial_number_seq')")
                .getSingleResult())
        .longValue();
  }
}
