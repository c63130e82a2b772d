package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One slot of a trial's sealed allocation sequence. */
@Entity
@Table(name = "allocation_slot")
@IdClass(AllocationSlotEntity.Key.class)
public class AllocationSlotEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public String stratum;

  @Id public int position;

  @Column(name = "arm_code", nullable = false)
  public String armCode;

  @Column(nullable = false)
  public int block;

  @Column(name = "block_size", nullable = false)
  public int blockSize;

  @Column(nullable = false)
  public String reference;

  @Column(name = "participant_code")
  public String participantCode;

  @Column(name = "used_at")
  public Instant usedAt;

  public static class Key implements Serializable {
    public String trialId;
    public String stratum;
    public int position;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && k.position == position
          && Objects.equals(k.trialId, trialId)
          && Objects.equals(k.stratum, stratum);
    }

    @Override
    public int hashCode() {
      return Objects.hash(trialId, stratum, position);
    }
  }
}
