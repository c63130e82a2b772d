package org.psybiome.biomarker.model;

import java.util.List;
import java.util.Optional;

/**
 * A trial snapshot: the latest state of a registered trial that this service has learnt from
 * trial-service's events, enough to check a result against the trial's status, schedule and arms,
 * and to decide what blinding hides (the interventions tell which results reveal the allocation).
 * {@code comparatorArm} is the arm code the trial declares as its comparator
 * (trial.design.comparatorArm), null when it declares none.
 */
public record TrialSnapshot(
    String id,
    String consortium,
    String status,
    int version,
    boolean masked,
    boolean unblinded,
    boolean registered,
    List<TrialVisit> visits,
    List<TrialArm> arms,
    String comparatorArm,
    List<TrialIntervention> interventions) {

  /**
   * {@code interventions} is null when not known (a snapshot learnt before they were kept): the
   * blinding guard then assumes the worst.
   */
  public TrialSnapshot {
    visits = List.copyOf(visits);
    arms = List.copyOf(arms);
    interventions = interventions == null ? null : List.copyOf(interventions);
  }

  /** A snapshot whose interventions are not known. */
  public TrialSnapshot(
      String id,
      String consortium,
      String status,
      int version,
      boolean masked,
      boolean unblinded,
      boolean registered,
      List<TrialVisit> visits,
      List<TrialArm> arms,
      String comparatorArm) {
    this(
        id,
        consortium,
        status,
        version,
        masked,
        unblinded,
        registered,
        visits,
        arms,
        comparatorArm,
        null);
  }

  /** A masked trial that has not been unblinded: allocations and per-arm data stay hidden. */
  public boolean blinded() {
    return masked && !unblinded;
  }

  public boolean withdrawn() {
    return "WITHDRAWN".equals(status);
  }

  public Optional<TrialVisit> visit(String code) {
    return visits.stream().filter(v -> v.code().equals(code)).findFirst();
  }

  public Optional<TrialVisit> baselineVisit() {
    return visits.stream().filter(TrialVisit::baseline).findFirst();
  }

  /** The arm of that stable code. */
  public Optional<TrialArm> arm(String code) {
    return arms.stream().filter(a -> a.code().equals(code)).findFirst();
  }
}
