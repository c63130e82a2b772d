package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.MissingData;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Missing-data tables: per visit, what became of each enrolled participant's result of an analyte,
 * decided by the participant's latest result there (as summaries choose it, of any specimen): out
 * of window, else censored, else observed; failed QC when every result failed; not yet due when
 * there is none and the visit's window (its day when it declares none) has not closed yet today
 * (UTC); missing when there is none and it has. Per-arm rows reveal the allocation, so they follow
 * {@link ResultAccess#canSeeArms}; the pooled row is open to whoever may read pooled summaries.
 */
@ApplicationScoped
public class MissingDataTables {

  private enum Outcome {
    OBSERVED,
    CENSORED,
    FAILED_QC,
    OUT_OF_WINDOW,
    NOT_YET_DUE
  }

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;
  private final ScheduleAnalytes schedule;

  MissingDataTables(
      CurrentResultStore results,
      TrialSnapshots snapshots,
      AnalyteService analytes,
      ScheduleAnalytes schedule) {
    this.results = results;
    this.snapshots = snapshots;
    this.analytes = analytes;
    this.schedule = schedule;
  }

  public MissingData table(Caller caller, String trialId, String analyteCode) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    if (analyteCode == null) {
      throw ProblemException.invalid(
          "analyte is required", List.of(Violation.of("analyte", "is required")));
    }
    Analyte analyte =
        analytes
            .find(analyteCode)
            .orElseThrow(() -> ProblemException.notFound("No analyte " + analyteCode));
    boolean byArm = ResultAccess.canSeeArms(trial, caller);
    Map<String, ScheduleAnalytes.Registered> registered = schedule.byVisit(trial);
    Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trialId);
    // the service's clock is UTC, as collection dates are judged in VisitWindow
    LocalDate today = LocalDate.now(Clock.systemUTC());
    Set<String> codes = trial.visits().stream().map(TrialVisit::code).collect(Collectors.toSet());
    Map<String, Map<String, ParticipantValue>> byVisit = new HashMap<>();
    if (!codes.isEmpty()) {
      for (ParticipantValue v : results.participantValues(trialId, analyte.code(), codes, null)) {
        byVisit.computeIfAbsent(v.visit(), k -> new HashMap<>()).put(v.participant(), v);
      }
    }
    List<MissingData.Visit> rows = new ArrayList<>();
    for (TrialVisit visit : trial.visits()) {
      ScheduleAnalytes.Registered atVisit = registered.get(visit.code());
      Boolean scheduled =
          atVisit.analytes().contains(analyte.code())
              ? Boolean.TRUE
              : atVisit.unknownPanels().isEmpty() ? Boolean.FALSE : null;
      Map<String, Outcome> outcomes = new HashMap<>();
      byVisit
          .getOrDefault(visit.code(), Map.of())
          .forEach((p, v) -> outcomes.put(p, outcome(v, visit, enrolled.get(p))));
      enrolled.forEach(
          (p, on) -> {
            if (!outcomes.containsKey(p) && notYetDue(visit, on, today)) {
              outcomes.put(p, Outcome.NOT_YET_DUE);
            }
          });
      boolean expected = !Boolean.FALSE.equals(scheduled);
      List<MissingData.Arm> arms = null;
      if (byArm) {
        Map<String, String> allocation = snapshots.allocations(trialId, visit.period());
        arms = new ArrayList<>();
        for (TrialArm arm : trial.arms()) {
          Predicate<String> inArm = p -> arm.code().equals(allocation.get(p));
          arms.add(
              new MissingData.Arm(
                  arm.code(), arm.label(), counts(enrolled.keySet(), inArm, expected, outcomes)));
        }
      }
      rows.add(
          new MissingData.Visit(
              visit.code(),
              visit.dayOffset(),
              visit.windowDays(),
              scheduled,
              counts(enrolled.keySet(), p -> true, expected, outcomes),
              arms));
    }
    return new MissingData(trialId, analyte.code(), byArm, rows);
  }

  private static Outcome outcome(ParticipantValue v, TrialVisit visit, LocalDate enrolledOn) {
    if (v.latest() == null) {
      return Outcome.FAILED_QC; // the store returns a row with results only; all of them failed
    }
    if (VisitWindow.outOfWindow(visit, enrolledOn, v.latestCollectedAt())) {
      return Outcome.OUT_OF_WINDOW;
    }
    return v.latestCensored() ? Outcome.CENSORED : Outcome.OBSERVED;
  }

  /**
   * A participant without a result is not (yet) missing while the visit's window is open or still
   * ahead: enrolled + dayOffset + windowDays (0 without a window) is today or later. Unknown
   * enrolment dates count as due, so nobody disappears from the table for want of a date.
   */
  static boolean notYetDue(TrialVisit visit, LocalDate enrolledOn, LocalDate today) {
    if (enrolledOn == null) {
      return false;
    }
    int window = visit.windowDays() == null ? 0 : visit.windowDays();
    return !today.isAfter(enrolledOn.plusDays((long) visit.dayOffset() + window));
  }

  private static MissingData.Counts counts(
      Set<String> enrolled,
      Predicate<String> selected,
      boolean expectedAtVisit,
      Map<String, Outcome> outcomes) {
    List<String> participants = enrolled.stream().filter(selected).toList();
    int[] n = new int[Outcome.values().length];
    for (String p : participants) {
      Outcome outcome = outcomes.get(p);
      if (outcome != null) {
        n[outcome.ordinal()]++;
      }
    }
    int notYetDue = expectedAtVisit ? n[Outcome.NOT_YET_DUE.ordinal()] : 0;
    int expected = expectedAtVisit ? participants.size() - notYetDue : 0;
    int accounted = n[0] + n[1] + n[2] + n[3];
    return new MissingData.Counts(
        expected,
        n[Outcome.OBSERVED.ordinal()],
        n[Outcome.CENSORED.ordinal()],
        n[Outcome.FAILED_QC.ordinal()],
        n[Outcome.OUT_OF_WINDOW.ordinal()],
        Math.max(0, expected - accounted),
        notYetDue);
  }
}
