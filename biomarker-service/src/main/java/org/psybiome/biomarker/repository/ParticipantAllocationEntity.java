package org.psybiome.biomarker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import org.psybiome.biomarker.model.ParticipantAllocation;

/** A participant's arm allocation, learnt from the internal allocations topic. */
@Entity
@Table(name = "participant_allocation")
@IdClass(ParticipantAllocationEntity.Key.class)
public class ParticipantAllocationEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public String code;

  @Column(nullable = false)
  public String arm;

  @Column(name = "arm_code", nullable = false)
  public String armCode;

  @Column(name = "enrolled_on", nullable = false)
  public LocalDate enrolledOn;

  public ParticipantAllocation toAllocation() {
    return new ParticipantAllocation(trialId, code, arm, armCode, enrolledOn);
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
