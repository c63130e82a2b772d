package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.psybiome.trial.model.ScreeningOutcome;

/** One person assessed for eligibility and not enrolled; anonymous. */
@Entity
@Table(name = "screening")
public class ScreeningEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "trial_id", nullable = false)
  public String trialId;

  @Column(name = "screened_on", nullable = false)
  public LocalDate screenedOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public ScreeningOutcome outcome;

  public String reason;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  public String recordedBy;
}
