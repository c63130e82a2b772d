package org.psybiome.biomarker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.psybiome.biomarker.model.ParticipantAllocation;

/**
 * A participant's allocation, learnt from the internal allocations topic: an arm, or in a crossover
 * or N-of-1 trial a treatment sequence with the arm of each period.
 */
@Entity
@Table(name = "participant_allocation")
@IdClass(ParticipantAllocationEntity.Key.class)
public class ParticipantAllocationEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public String code;

  /** The arm's label at enrolment; null for a treatment sequence. */
  public String arm;

  /** The arm's stable code; null for a treatment sequence. */
  @Column(name = "arm_code")
  public String armCode;

  /** The treatment sequence's code (crossover and N-of-1 trials), or null. */
  @Column(name = "sequence_code")
  public String sequenceCode;

  /** With a sequence: the arm code received in each period, by period code. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "period_arms", columnDefinition = "jsonb")
  public java.util.Map<String, String> periodArms;

  @Column(name = "enrolled_on", nullable = false)
  public LocalDate enrolledOn;

  public ParticipantAllocation toAllocation() {
    return new ParticipantAllocation(
        trialId, code, arm, armCode, enrolledOn, sequenceCode, periodArms);
  }

  public static class Key implements Serializable {
    public String trialId;
    public String code;

    public Key() {}

    public Key(String trialId, String code) {
      this.trialId = trialId;
      this.code = code;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.code, code)
          && Objects.equals(k.trialId, trialId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(trialId, code);
    }
  }
}
