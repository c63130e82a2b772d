package org.psybiome.trial.repository;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The registry document an imported trial came from; replaced when the trial is re-imported. */
@Entity
@Table(name = "trial_source")
public class TrialSourceEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Column(nullable = false)
  public String registry;

  @Column(name = "source_id", nullable = false)
  public String sourceId;

  @Column(name = "source_version")
  public String sourceVersion;

  @Column(name = "imported_at", nullable = false)
  public Instant importedAt;

  @Column(name = "imported_by", nullable = false)
  public String importedBy;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public JsonNode document;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public JsonNode unmapped;
}
