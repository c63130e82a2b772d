package org.psybiome.biomarker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;

/** A stored trial snapshot (see {@link TrialSnapshot}). */
@Entity
@Table(name = "trial_snapshot")
public class TrialSnapshotEntity {

  @Id
  @Column(name = "trial_id")
  public String trialId;

  @Column(nullable = false)
  public String consortium;

  @Column(nullable = false)
  public String status;

  @Column(nullable = false)
  public int version;

  @Column(nullable = false)
  public boolean masked;

  @Column(nullable = false)
  public boolean unblinded;

  @Column(nullable = false)
  public boolean registered;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<TrialVisit> visits = new ArrayList<>();

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<TrialArm> arms = new ArrayList<>();

  @Column(name = "comparator_arm")
  public String comparatorArm;

  /** The registered outcomes' measures; null for a snapshot learnt before they were kept. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public org.psybiome.biomarker.model.TrialOutcomes outcomes;

  /** design.interventionModel (CROSSOVER, N_OF_1, ...); null when learnt before it was kept. */
  @Column(name = "intervention_model")
  public String interventionModel;

  /** The codes of design.crossover.periods in order; null when learnt before they were kept. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public List<String> periods;

  /**
   * The interventions with their strains; null for a snapshot learnt before they were kept (V25),
   * which the blinding guard treats as unknown.
   */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public List<TrialIntervention> interventions;

  /** The record's analysis plan (V26); null when it declares none or was learnt before V26. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "analysis_plan", columnDefinition = "jsonb")
  public org.psybiome.biomarker.model.TrialAnalysisPlan analysisPlan;

  /**
   * The owner's consent to pool the trial's aggregate results with other trials' (the record's
   * resultsSharing.aggregateResults, V26); false when absent.
   */
  @Column(name = "results_shared", nullable = false)
  public boolean resultsShared;

  /** The record's public title, else its scientific title or acronym (V26). */
  public String title;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  public org.psybiome.biomarker.model.TrialDesign toDesign() {
    return new org.psybiome.biomarker.model.TrialDesign(
        interventionModel, periods == null ? List.of() : periods);
  }

  public TrialSnapshot toSnapshot() {
    return new TrialSnapshot(
        trialId,
        consortium,
        status,
        version,
        masked,
        unblinded,
        registered,
        visits,
        arms,
        comparatorArm,
        interventions);
  }
}
