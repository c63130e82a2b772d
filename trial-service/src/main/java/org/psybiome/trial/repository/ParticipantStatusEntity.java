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
import org.psybiome.trial.model.FollowUpStatus;

/** One entry of a participant's follow-up history. */
@Entity
@Table(name = "participant_status")
@IdClass(ParticipantStatusEntity.Key.class)
public class ParticipantStatusEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public String code;

  @Id public int seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public FollowUpStatus status;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  public String reason;

  @Column(name = "recorded_at", nullable = false)
  public Instant recordedAt;

  @Column(name = "recorded_by", nullable = false)
  public String recordedBy;

  public static class Key implements Serializable {
    public String trialId;
    public String code;
    public int seq;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.seq == seq
          && Objects.equals(k.trialId, trialId)
          && Objects.equals(k.code, code);
    }

    @Override
    public int hashCode() {
      return Objects.hash(trialId, code, seq);
    }
  }
}
