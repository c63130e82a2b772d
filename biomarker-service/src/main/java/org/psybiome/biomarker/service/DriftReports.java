package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.psybiome.biomarker.model.AnalyteCount;
import org.psybiome.biomarker.model.DriftReport;
import org.psybiome.biomarker.model.KnownTrial;
import org.psybiome.biomarker.model.VisitDrift;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ReportedCount;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/**
 * The registered-vs-reported drift report (brief §3). It compares the results with the schedule as
 * it stands now, not with the {@code registered} flag each result got at ingestion: a schedule
 * changed after the results came in is what outcome switching looks like, and must show.
 */
@ApplicationScoped
public class DriftReports {

  private final TrialKnowledge knowledge;
  private final ScheduleAnalytes schedule;
  private final CurrentResultStore results;

  DriftReports(TrialKnowledge knowledge, ScheduleAnalytes schedule, CurrentResultStore results) {
    this.knowledge = knowledge;
    this.schedule = schedule;
    this.results = results;
  }

  public DriftReport report(Caller caller, String trialId) {
    KnownTrial trial =
        knowledge
            .trial(trialId)
            .filter(t -> mayRead(caller, t.consortium()))
            .orElseThrow(
                () -> ProblemException.notFound("No trial " + trialId + " of your consortium"));
    Map<String, ScheduleAnalytes.Registered> registered = schedule.byVisit(trial);
    // visit → analyte → results, analytes in code order
    Map<String, Map<String, Long>> reported = new TreeMap<>();
    for (ReportedCount count : results.reportedCounts(trialId)) {
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

  /** Counts, not values nor arms: the consortium's registrants may see them too. */
  private static boolean mayRead(Caller caller, String consortium) {
    return BatchQueries.ownsAsReader(caller, consortium)
        || caller.actsFor(consortium, Roles.REGISTRANT);
  }
}
