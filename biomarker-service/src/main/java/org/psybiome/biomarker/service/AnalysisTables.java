package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.psybiome.biomarker.model.AnalysisRow;
import org.psybiome.biomarker.model.AnalysisTable;
import org.psybiome.biomarker.model.AncovaComparison;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.Summary;
import org.psybiome.biomarker.model.TrialOutcomes;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;

/**
 * Builds a trial's analysis table at a visit from its summaries. Each registered outcome's
 * comparison is the baseline-adjusted one (ANCOVA; on logs for analytes analysed on the log scale)
 * where it can be fitted, else the unadjusted Welch comparison with the reason. Primary outcomes
 * keep the Holm adjustment across arms their summary gives (the summaries' defaults: censored and
 * out-of-window results left out); secondary outcomes are adjusted together by Benjamini–Hochberg;
 * a measure with results at the visit that the trial did not register is listed, flagged, and not
 * adjusted (it is not in a pre-specified family).
 */
@ApplicationScoped
public class AnalysisTables {

  static final String PRIMARY = "PRIMARY";
  static final String SECONDARY = "SECONDARY";
  static final String NOT_REGISTERED = "NOT_REGISTERED";

  private final Summaries summaries;
  private final TrialSnapshots snapshots;
  private final CurrentResultStore results;

  AnalysisTables(Summaries summaries, TrialSnapshots snapshots, CurrentResultStore results) {
    this.summaries = summaries;
    this.snapshots = snapshots;
    this.results = results;
  }

  public AnalysisTable table(Caller caller, String trialId, String visit) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    if (visit == null || trial.visit(visit).isEmpty()) {
      throw ProblemException.invalid(
          "visit must be a visit of the trial's schedule",
          List.of(
              org.psybiome.common.problem.Violation.of(
                  "visit",
                  "must be one of " + trial.visits().stream().map(v -> v.code()).toList())));
    }
    boolean arms = ResultAccess.canSeeArms(trial, caller);
    TrialOutcomes outcomes = snapshots.outcomes(trialId);
    List<AnalysisRow> primary = new ArrayList<>();
    for (String measure : outcomes.primary()) {
      primary.addAll(rows(caller, trialId, visit, measure, PRIMARY, arms));
    }
    List<AnalysisRow> secondary = new ArrayList<>();
    for (String measure : outcomes.secondary()) {
      if (!outcomes.primary().contains(measure)) {
        secondary.addAll(rows(caller, trialId, visit, measure, SECONDARY, arms));
      }
    }
    secondary = benjaminiHochberg(secondary);
    List<AnalysisRow> unregistered = new ArrayList<>();
    Set<String> analysed = new LinkedHashSet<>();
    for (String analyte : results.analytesAt(trialId, visit)) {
      if (!outcomes.registers(analyte)) {
        analysed.add(analyte);
      }
    }
    for (String measure : analysed) {
      unregistered.addAll(rows(caller, trialId, visit, measure, NOT_REGISTERED, arms));
    }
    List<AnalysisRow> all = new ArrayList<>(primary);
    all.addAll(secondary);
    all.addAll(unregistered);
    var comparator = ComparatorArm.of(trial).arm();
    return new AnalysisTable(
        trialId, visit, !arms, comparator == null ? null : comparator.code(), List.copyOf(all));
  }

  /** One row per comparison of the measure's summary (one pooled row while arms are hidden). */
  private List<AnalysisRow> rows(
      Caller caller, String trialId, String visit, String measure, String role, boolean arms) {
    boolean registered = !NOT_REGISTERED.equals(role);
    Summary summary;
    try {
      summary =
          summaries.summary(
              caller,
              trialId,
              measure,
              visit,
              arms ? Summaries.ARM : Summaries.POOLED,
              false,
              CensoredHandling.EXCLUDE,
              WindowHandling.EXCLUDE,
              null);
    } catch (ProblemException e) {
      // not a measure this service summarises (free of results, unknown, several specimens)
      return List.of(unavailable(measure, role, registered, null, e.getMessage()));
    }
    if (!arms) {
      return List.of(
          unavailable(
              measure,
              role,
              registered,
              summary.pooled() == null ? null : summary.pooled().n(),
              "the trial is blinded to the caller: comparisons between arms are withheld"));
    }
    if (summary.comparisons() == null || summary.comparisons().isEmpty()) {
      return List.of(
          unavailable(
              measure,
              role,
              registered,
              null,
              summary.noComparisonReason() == null
                  ? "no comparison could be made"
                  : summary.noComparisonReason()));
    }
    List<AnalysisRow> rows = new ArrayList<>();
    for (ArmComparison comparison : summary.comparisons()) {
      rows.add(row(measure, role, registered, summary, comparison));
    }
    return rows;
  }

  private static AnalysisRow row(
      String measure, String role, boolean registered, Summary summary, ArmComparison c) {
    String holm = PRIMARY.equals(role) ? "HOLM_ACROSS_ARMS" : null;
    if (summary.logScale() && c.logScale() != null) {
      var log = c.logScale();
      AncovaComparison ancova = log.ancova();
      if (ancova != null && ancova.p() != null && log.ancovaRatio() != null) {
        return new AnalysisRow(
            measure,
            role,
            registered,
            c.experimentalCode(),
            c.comparatorCode(),
            "LOG_ANCOVA",
            "GEOMETRIC_MEAN_RATIO",
            log.ancovaRatio(),
            log.ancovaRatioCiLow(),
            log.ancovaRatioCiHigh(),
            ancova.p(),
            holm == null ? null : ancova.pHolm(),
            holm,
            ancova.nExperimental() + ancova.nComparator(),
            null);
      }
      return new AnalysisRow(
          measure,
          role,
          registered,
          c.experimentalCode(),
          c.comparatorCode(),
          "LOG_WELCH",
          "GEOMETRIC_MEAN_RATIO",
          log.geometricMeanRatio(),
          log.ciLow(),
          log.ciHigh(),
          log.p(),
          holm == null ? null : log.pHolm(),
          holm,
          log.nExperimental() + log.nComparator(),
          reason(summary));
    }
    AncovaComparison ancova = c.ancova();
    if (ancova != null && ancova.p() != null) {
      return new AnalysisRow(
          measure,
          role,
          registered,
          c.experimentalCode(),
          c.comparatorCode(),
          "ANCOVA",
          "MEAN_DIFFERENCE",
          ancova.meanDifference(),
          ancova.ciLow(),
          ancova.ciHigh(),
          ancova.p(),
          holm == null ? null : ancova.pHolm(),
          holm,
          ancova.nExperimental() + ancova.nComparator(),
          null);
    }
    return new AnalysisRow(
        measure,
        role,
        registered,
        c.experimentalCode(),
        c.comparatorCode(),
        "WELCH",
        "MEAN_DIFFERENCE",
        c.meanDifference(),
        null,
        null,
        c.welchP(),
        holm == null ? null : c.welchPHolm(),
        holm,
        null,
        reason(summary));
  }

  private static String reason(Summary summary) {
    return summary.ancovaUnavailableReason() == null
        ? "the baseline-adjusted comparison could not be fitted"
        : summary.ancovaUnavailableReason();
  }

  private static AnalysisRow unavailable(
      String measure, String role, boolean registered, Integer n, String reason) {
    return new AnalysisRow(
        measure,
        role,
        registered,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        n,
        reason);
  }

  /** Secondary rows with their p adjusted together; rows without a p keep none. */
  private static List<AnalysisRow> benjaminiHochberg(List<AnalysisRow> rows) {
    List<Double> p = rows.stream().map(AnalysisRow::p).toList();
    List<Double> adjusted = PValueAdjustment.benjaminiHochberg(p);
    List<AnalysisRow> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      result.add(
          rows.get(i).p() == null
              ? rows.get(i)
              : rows.get(i).withPAdjusted(adjusted.get(i), "BENJAMINI_HOCHBERG_SECONDARY"));
    }
    return result;
  }
}
