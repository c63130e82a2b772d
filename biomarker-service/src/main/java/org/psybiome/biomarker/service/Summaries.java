package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.ArmSummary;
import org.psybiome.biomarker.model.Statistics;
import org.psybiome.biomarker.model.Summary;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Summaries of an analyte at a visit: over non-censored standardised values, one per participant
 * (the latest collected when there are several; corrections applied), pooled or per arm, of the
 * values or of their changes from the baseline visit. Per-arm summaries reveal the allocation, so
 * while a trial is blinded only the owning consortium's statistician gets them.
 */
@ApplicationScoped
public class Summaries {

  public static final String POOLED = "pooled";
  public static final String ARM = "arm";

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;

  Summaries(CurrentResultStore results, TrialSnapshots snapshots, AnalyteService analytes) {
    this.results = results;
    this.snapshots = snapshots;
    this.analytes = analytes;
  }

  public Summary summary(
      Caller caller,
      String trialId,
      String analyteCode,
      String visitCode,
      String by,
      boolean change) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    if (!POOLED.equals(by) && !ARM.equals(by)) {
      throw ProblemException.invalid(
          "by must be pooled or arm", List.of(Violation.of("by", "must be pooled or arm")));
    }
    Analyte analyte =
        analytes
            .find(analyteCode)
            .orElseThrow(() -> ProblemException.notFound("No analyte " + analyteCode));
    if (visitCode == null) {
      throw ProblemException.invalid(
          "visit is required", List.of(Violation.of("visit", "is required")));
    }
    TrialVisit visit =
        trial
            .visit(visitCode)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "Trial " + trialId + " has no visit " + visitCode,
                        List.of(Violation.of("visit", "is not a visit of the trial's schedule"))));
    String baseline = null;
    if (change) {
      baseline =
          trial
              .baselineVisit()
              .map(TrialVisit::code)
              .orElseThrow(
                  () ->
                      ProblemException.invalid(
                          "Trial " + trialId + " has no baseline visit to change from",
                          List.of(Violation.of("change", "the trial has no baseline visit"))));
    }
    if (ARM.equals(by) && !ResultAccess.canSeeArms(trial, caller)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Trial "
              + trialId
              + " is blinded: per-arm summaries would reveal the allocation, so until it is"
              + " unblinded only the consortium's statistician sees them; pooled summaries remain"
              + " available");
    }

    Set<String> visits = new LinkedHashSet<>();
    visits.add(visit.code());
    if (baseline != null) {
      visits.add(baseline);
    }
    Values values =
        Values.of(
            results.participantValues(trialId, analyte.code(), visits), visit.code(), baseline);

    if (POOLED.equals(by)) {
      return new Summary(
          trialId,
          analyte.code(),
          analyte.unit(),
          visit.code(),
          by,
          change,
          baseline,
          values.statistics(p -> true),
          null,
          null);
    }
    Map<String, String> allocation = snapshots.allocations(trialId);
    List<ArmSummary> arms = new ArrayList<>();
    for (TrialArm arm : trial.arms()) {
      arms.add(
          new ArmSummary(
              arm.label(),
              arm.type(),
              values.statistics(p -> arm.label().equals(allocation.get(p)))));
    }
    ArmSummary experimental =
        arms.stream().filter(a -> "EXPERIMENTAL".equals(a.type())).findFirst().orElse(null);
    ArmSummary comparator =
        arms.stream().filter(a -> !"EXPERIMENTAL".equals(a.type())).findFirst().orElse(null);
    ArmComparison comparison =
        experimental == null || comparator == null
            ? null
            : Descriptives.compare(
                experimental.arm(),
                experimental.statistics(),
                comparator.arm(),
                comparator.statistics());
    return new Summary(
        trialId,
        analyte.code(),
        analyte.unit(),
        visit.code(),
        by,
        change,
        baseline,
        null,
        arms,
        comparison);
  }

  /**
   * Per participant, the value to summarise (the latest non-censored value at the visit, minus the
   * latest non-censored one at baseline for a change), and the censored rows at the visit.
   */
  private record Values(Map<String, Double> byParticipant, Map<String, Integer> censored) {

    static Values of(List<ParticipantValue> values, String visit, String baseline) {
      Map<String, Double> atVisit = new HashMap<>();
      Map<String, Double> atBaseline = new HashMap<>();
      Map<String, Integer> censored = new HashMap<>();
      // the database chose each participant's latest non-censored value per visit
      for (ParticipantValue v : values) {
        if (v.visit().equals(visit)) {
          if (v.censoredResults() > 0) {
            censored.put(v.participant(), v.censoredResults());
          }
          if (v.latest() != null) {
            atVisit.put(v.participant(), v.latest().doubleValue());
          }
        }
        if (v.visit().equals(baseline) && v.latest() != null) {
          atBaseline.put(v.participant(), v.latest().doubleValue());
        }
      }
      if (baseline == null) {
        return new Values(atVisit, censored);
      }
      Map<String, Double> changes = new HashMap<>();
      atVisit.forEach(
          (participant, value) -> {
            Double before = atBaseline.get(participant);
            if (before != null) {
              changes.put(participant, value - before);
            }
          });
      return new Values(changes, censored);
    }

    Statistics statistics(Predicate<String> participants) {
      double[] selected =
          byParticipant.entrySet().stream()
              .filter(e -> participants.test(e.getKey()))
              .mapToDouble(Map.Entry::getValue)
              .toArray();
      int censoredRows =
          censored.entrySet().stream()
              .filter(e -> participants.test(e.getKey()))
              .mapToInt(Map.Entry::getValue)
              .sum();
      return Descriptives.of(selected, censoredRows);
    }
  }
}
