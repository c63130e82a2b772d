package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A participant, known only by a pseudonymous code, and the arm it was allocated to. */
@Entity
@Table(name = "participant")
@IdClass(ParticipantEntity.Key.class)
public class ParticipantEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public String code;

  /** The arm's label when the participant was enrolled; null for a treatment sequence. */
  public String arm;

  /**
   * The arm's stable code: what the participant belongs to, whatever the arm is called; null in a
   * crossover or N-of-1 trial, where the participant has a sequence instead.
   */
  @Column(name = "arm_code")
  public String armCode;

  /** The treatment sequence's code (crossover and N-of-1 trials), or null. */
  @Column(name = "sequence_code")
  public String sequenceCode;

  /** RANDOMISED, REGISTRANT or HISTORICAL: who chose the arm. */
  @Column(nullable = false)
  public String allocation = "REGISTRANT";

  /** The allocation (kit) number, for a participant the registry randomised. */
  @Column(name = "allocation_reference")
  public String allocationReference;

  /** The participant's level of each stratification or minimisation factor. */
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public java.util.Map<String, String> strata;

  @Column(name = "emergency_unblinded_at")
  public Instant emergencyUnblindedAt;

  @Column(name = "emergency_unblinded_by")
  public String emergencyUnblindedBy;

  @Column(name = "emergency_unblinding_reason")
  public String emergencyUnblindingReason;

  @Column(name = "enrolled_on", nullable = false)
  public LocalDate enrolledOn;

  @Column(name = "enrolled_at", nullable = false)
  public Instant enrolledAt;

  @Column(name = "enrolled_by", nullable = false)
  public String enrolledBy;

  public static class Key implements Serializable {
    public String trialId;
    public String code;

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
