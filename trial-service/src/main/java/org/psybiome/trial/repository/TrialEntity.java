package org.psybiome.trial.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/** A trial's current state. Its history lives in TrialVersionEntity and the audit trail. */
@Entity
@Table(name = "trial")
public class TrialEntity {

  @Id public String id;

  @Column(nullable = false)
  public String consortium;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  public TrialStatus status;

  @Column(nullable = false)
  public int version;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "content", nullable = false, columnDefinition = "jsonb")
  public StoredTrialDocument document;

  @Column(name = "registered_on")
  public LocalDate registeredOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "suspended_from")
  public TrialStatus suspendedFrom;

  @Column(nullable = false)
  public boolean masked;

  /** For a trial imported with status UNKNOWN, the status it last had. */
  @Enumerated(EnumType.STRING)
  @Column(name = "last_known_status")
  public TrialStatus lastKnownStatus;

  @Column(name = "unblinded_at")
  public Instant unblindedAt;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Column(name = "public_title")
  public String publicTitle;

  @Column(name = "scientific_title")
  public String scientificTitle;

  @Column(name = "primary_sponsor")
  public String primarySponsor;

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(nullable = false, columnDefinition = "text[]")
  public String[] countries = new String[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "condition_codes", nullable = false, columnDefinition = "text[]")
  public String[] conditionCodes = new String[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "intervention_types", nullable = false, columnDefinition = "text[]")
  public String[] interventionTypes = new String[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "strain_genera", nullable = false, columnDefinition = "text[]")
  public String[] strainGenera = new String[0];

  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(name = "strain_species", nullable = false, columnDefinition = "text[]")
  public String[] strainSpecies = new String[0];

  /** The current record, as the service works on it. */
  public TrialContent content() {
    return StoredTrialDocumentMapper.INSTANCE.toContent(document);
  }

  public void content(TrialContent content) {
    document = StoredTrialDocumentMapper.INSTANCE.toStored(content);
  }

  /** While a masked trial is not unblinded, allocations and per-arm data stay hidden. */
  public boolean isBlinded() {
    return masked && unblindedAt == null;
  }
}
