package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A claim of a secondary id (registry + value) by one trial; the key makes claims unique. */
@Entity
@Table(name = "trial_secondary_id")
@IdClass(SecondaryIdEntity.Key.class)
public class SecondaryIdEntity {

  @Id public String registry;

  @Id public String value;

  @Column(name = "trial_id", nullable = false)
  public String trialId;

  public static class Key implements Serializable {
    public String registry;
    public String value;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(k.registry, registry)
          && Objects.equals(k.value, value);
    }

    @Override
    public int hashCode() {
      return Objects.hash(registry, value);
    }
  }
}
