package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.psybiome.biomarker.model.ParticipantAllocation;
import org.psybiome.biomarker.model.TrialDesign;
import org.psybiome.biomarker.model.TrialOutcomes;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.ParticipantAllocationEntity;
import org.psybiome.biomarker.repository.ParticipantAllocationRepository;
import org.psybiome.biomarker.repository.TrialSnapshotEntity;
import org.psybiome.biomarker.repository.TrialSnapshotRepository;

/**
 * The trial snapshots and participant allocations this service has learnt from trial-service's
 * events. Arms are returned as they are; whoever shows them decides what blinding hides.
 */
@ApplicationScoped
public class TrialSnapshots {

  private final TrialSnapshotRepository trials;
  private final ParticipantAllocationRepository participants;

  TrialSnapshots(TrialSnapshotRepository trials, ParticipantAllocationRepository participants) {
    this.trials = trials;
    this.participants = participants;
  }

  /** The trial, once its registration has arrived; drafts are never known here. */
  @Transactional
  public Optional<TrialSnapshot> trial(String trialId) {
    return trials.findByIdOptional(trialId).map(TrialSnapshotEntity::toSnapshot);
  }

  @Transactional
  public Optional<ParticipantAllocation> participant(String trialId, String code) {
    return participants.find(trialId, code).map(ParticipantAllocationEntity::toAllocation);
  }

  /**
   * Each known participant's arm (participant code → the arm's stable code); participants with a
   * treatment sequence have none outside a period. Whoever shows it decides what blinding hides.
   */
  @Transactional
  public Map<String, String> allocations(String trialId) {
    return allocations(trialId, null);
  }

  /**
   * As {@link #allocations(String)}, at a visit of {@code period}: in a crossover or N-of-1 trial,
   * the arm each participant's sequence gives in that period.
   */
  @Transactional
  public Map<String, String> allocations(String trialId, String period) {
    return participants.arms(trialId, period);
  }

  /** Each known participant's enrolment date (code → date); no arms. */
  @Transactional
  public Map<String, LocalDate> enrolmentDates(String trialId) {
    return participants.enrolmentDates(trialId);
  }

  /** The trial's intervention model and crossover periods, when the trial is known. */
  @Transactional
  public Optional<TrialDesign> design(String trialId) {
    return trials.findByIdOptional(trialId).map(TrialSnapshotEntity::toDesign);
  }

  /**
   * The participants with a treatment sequence (crossover and N-of-1), by code. Whoever shows their
   * arms decides what blinding hides.
   */
  @Transactional
  public java.util.List<ParticipantAllocation> sequences(String trialId) {
    return participants.withSequence(trialId).stream()
        .map(ParticipantAllocationEntity::toAllocation)
        .toList();
  }

  /** The trial's registered outcomes, none when not known (yet). */
  @Transactional
  public TrialOutcomes outcomes(String trialId) {
    return trials
        .findByIdOptional(trialId)
        .map(t -> t.outcomes == null ? TrialOutcomes.NONE : t.outcomes)
        .orElse(TrialOutcomes.NONE);
  }

  /** The trial's analysis plan; empty when the trial is unknown or its record declares none. */
  @Transactional
  public Optional<org.psybiome.biomarker.model.TrialAnalysisPlan> analysisPlan(String trialId) {
    return trials.findByIdOptional(trialId).map(t -> t.analysisPlan);
  }

  /**
   * A known trial with what pooling across trials needs of its record besides the snapshot: its
   * title, the owner's consent to share aggregate results ({@code resultsShared}), the visit that
   * ends treatment (null when the plan declares none) and the intervention model (null when not
   * known).
   */
  public record KnownTrial(
      TrialSnapshot snapshot,
      String title,
      boolean resultsShared,
      String endOfTreatmentVisit,
      String interventionModel) {}

  /** Every trial this service knows, of any consortium, by id. */
  @Transactional
  public java.util.List<KnownTrial> all() {
    return trials.listAll().stream()
        .map(
            t ->
                new KnownTrial(
                    t.toSnapshot(),
                    t.title,
                    t.resultsShared,
                    t.analysisPlan == null ? null : t.analysisPlan.endOfTreatmentVisit(),
                    t.interventionModel))
        .sorted(java.util.Comparator.comparing(k -> k.snapshot().id()))
        .toList();
  }
}
