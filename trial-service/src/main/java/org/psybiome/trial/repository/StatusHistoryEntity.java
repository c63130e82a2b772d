package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.psybiome.trial.model.TrialStatus;

/** One dated entry of a trial's recruitment status history. */
@Entity
@Table(name = "trial_status_history")
@IdClass(StatusHistoryEntity.Key.class)
public class StatusHistoryEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public int seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrialStatus status;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  public String reason;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  public String recordedBy;

  public static class Key implements Serializable {
    public String trialId;
    public int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.seq == seq && Objects.equals(k.trialId, trialId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(trialId, seq);
    }
  }
}
