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
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/** One version of a trial record, exactly as it was. */
@Entity
@Table(name = "trial_version")
@IdClass(TrialVersionEntity.Key.class)
public class TrialVersionEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Id public int version;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrialStatus status;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "content", nullable = false, columnDefinition = "jsonb")
  public StoredTrialDocument document;

  @Column(name = "changed_at", nullable = false)
  public Instant changedAt;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(nullable = false)
  public String change;

  public String reason;

  /** The record as it was in this version, as the service works on it. */
  public TrialContent content() {
    return StoredTrialDocumentMapper.INSTANCE.toContent(document);
  }

  public static class Key implements Serializable {
    public String trialId;
    public int version;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.version == version && Objects.equals(k.trialId, trialId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(trialId, version);
    }
  }
}
