package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Synchronize;

/**
 * A trial's enrolment figures as the database keeps them (V14's triggers on {@code participant}):
 * read here, never written — Hibernate issues no statement for an immutable entity's changes. Its
 * rows follow {@code participant}'s; {@code @Synchronize} tells Hibernate so, for the flush it
 * makes before a query of the tables a session has pending writes to.
 */
@Entity
@Immutable
@Synchronize("participant")
@Table(name = "trial_enrolment")
public class TrialEnrolmentEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  public int participants;

  @Column(name = "first_enrolled_on")
  public LocalDate firstEnrolledOn;
}
