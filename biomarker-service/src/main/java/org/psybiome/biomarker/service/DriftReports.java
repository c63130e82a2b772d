package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psybiome.biomarker.model.AnalyteCount;
import org.psybiome.biomarker.model.DriftReport;
import org.psybiome.biomarker.model.ResultCount;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.VisitDrift;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.common.security.Caller;

/**
 * The registered-vs-reported drift report: per visit, the analytes the trial pre-registered against
 * those it reported. It compares the results with the schedule as it stands now, not with the
 * {@code registered} flag each result got at ingestion: a schedule changed after the results came
 * in is what outcome switching looks like, and must show.
 */
@ApplicationScoped
public class DriftReports {

  private final TrialSnapshots snapshots;
  private final ScheduleAnalytes schedule;
  private final CurrentResultStore results;

  DriftReports(TrialSnapshots snapshots, ScheduleAnalytes schedule, CurrentResultStore results) {
    this.snapshots = snapshots;
    this.schedule = schedule;
    this.results = results;
  }

  public DriftReport report(Caller caller, String trialId) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            // counts, not values nor arms: the consortium's registrants may see them too
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    Map<String, ScheduleAnalytes.Registered> registered = schedule.byVisit(trial);
    // visit → analyte → results, analytes in code order
    Map<String, Map<String, Long>> reported = new TreeMap<>();
    for (ResultCount count : results.counts(trialId)) {
      reported
          .computeIfAbsent(count.visit(), v -> new TreeMap<>())
          .put(count.analyte(), count.results());
    }

    List<VisitDrift> visits = new ArrayList<>();
    registered.forEach(
        (visit, expected) ->
            visits.add(
                drift(
                    visit,
                    true,
                    expected.analytes(),
                    expected.unknownPanels(),
                    reported.getOrDefault(visit, Map.of()))));
    reported.forEach(
        (visit, counts) -> {
          if (!registered.containsKey(visit)) {
            visits.add(drift(visit, false, Set.of(), List.of(), counts));
          }
        });
    return new DriftReport(trial.id(), trial.version(), visits, totals(visits));
  }

  private static VisitDrift drift(
      String visit,
      boolean inSchedule,
      Set<String> registered,
      List<String> unknownPanels,
      Map<String, Long> reported) {
    List<AnalyteCount> all = new ArrayList<>();
    List<AnalyteCount> unregistered = new ArrayList<>();
    reported.forEach(
        (analyte, results) -> {
          AnalyteCount count = new AnalyteCount(analyte, results);
          all.add(count);
          if (!registered.contains(analyte)) {
            unregistered.add(count);
          }
        });
    List<String> missing = registered.stream().filter(a -> !reported.containsKey(a)).toList();
    return new VisitDrift(
        visit, inSchedule, List.copyOf(registered), all, unregistered, missing, unknownPanels);
  }

  private static DriftReport.Totals totals(List<VisitDrift> visits) {
    int registered = 0;
    int reported = 0;
    int unregistered = 0;
    long unregisteredResults = 0;
    int missing = 0;
    for (VisitDrift visit : visits) {
      registered += visit.registered().size();
      reported += visit.reported().size();
      unregistered += visit.reportedUnregistered().size();
      unregisteredResults +=
          visit.reportedUnregistered().stream().mapToLong(AnalyteCount::results).sum();
      missing += visit.registeredNotReported().size();
    }
    return new DriftReport.Totals(registered, reported, unregistered, unregisteredResults, missing);
  }
}
