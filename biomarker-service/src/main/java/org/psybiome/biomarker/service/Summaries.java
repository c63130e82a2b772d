package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.ArmSummary;
import org.psybiome.biomarker.model.ClrExclusion;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.RunSummary;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.Statistics;
import org.psybiome.biomarker.model.Summary;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.biomarker.service.derived.CentredLogRatio;
import org.psybiome.biomarker.service.derived.Derivations;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Summaries of an analyte at a visit, one result per participant: the latest (by collection time,
 * then registration order; corrections applied; results with QC FAIL only counted, never used).
 * When that result is censored the participant counts as censored only. Pooled or per arm, of the
 * values or of their changes from the baseline visit. Per-arm summaries reveal the allocation, so
 * while a trial is blinded only the owning consortium's statistician gets them.
 */
@ApplicationScoped
public class Summaries {

  public static final String POOLED = "pooled";
  public static final String ARM = "arm";
  public static final String RUN = "run";

  /** The group of results reported without an assay run. */
  static final String UNSPECIFIED_RUN = "unspecified";

  private final CurrentResultStore results;
  private final SummarySpecimen specimens;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;

  Summaries(
      CurrentResultStore results,
      TrialSnapshots snapshots,
      AnalyteService analytes,
      SummarySpecimen specimens) {
    this.results = results;
    this.specimens = specimens;
    this.snapshots = snapshots;
    this.analytes = analytes;
  }

  public Summary summary(
      Caller caller,
      String trialId,
      String analyteCode,
      String visitCode,
      String by,
      boolean change,
      CensoredHandling censored,
      WindowHandling window,
      String specimen) {
    return summary(
        caller,
        trialId,
        analyteCode,
        visitCode,
        by,
        change,
        censored,
        window,
        specimen,
        SummaryScale.RAW);
  }

  /**
   * As above, on {@code scale}: CLR summarises each participant's centred log-ratio of a genus
   * within the sample's full genus profile (ClrValues), with the same rules of choice, blinding and
   * arms.
   */
  public Summary summary(
      Caller caller,
      String trialId,
      String analyteCode,
      String visitCode,
      String by,
      boolean change,
      CensoredHandling censored,
      WindowHandling window,
      String specimen,
      SummaryScale scale) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    if (!POOLED.equals(by) && !ARM.equals(by) && !RUN.equals(by)) {
      throw ProblemException.invalid(
          "by must be pooled, arm or run",
          List.of(Violation.of("by", "must be pooled, arm or run")));
    }
    Analyte analyte =
        analytes
            .find(analyteCode)
            .orElseThrow(() -> ProblemException.notFound("No analyte " + analyteCode));
    boolean clr = scale == SummaryScale.CLR;
    if (clr && !isGenusPart(analyte)) {
      throw ProblemException.invalid(
          "scale=clr applies to genus relative abundances, not " + analyte.code(),
          List.of(
              Violation.of(
                  "scale",
                  "clr is for an analyte of a genus profile (TAXON_<NCBI id> or "
                      + Derivations.UNCLASSIFIED
                      + "), not "
                      + analyte.code())));
    }
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

    // by=arm reads baseline too for the baseline-adjusted comparison (ANCOVA)
    String ancovaBaseline =
        trial
            .baselineVisit()
            .map(TrialVisit::code)
            .filter(b -> !b.equals(visit.code()))
            .orElse(null);
    Set<String> visits = new LinkedHashSet<>();
    visits.add(visit.code());
    if (baseline != null) {
      visits.add(baseline);
    }
    if (ARM.equals(by) && ancovaBaseline != null) {
      visits.add(ancovaBaseline);
    }
    Specimen of = specimens.choose(trialId, analyte, specimen);
    Map<String, java.time.LocalDate> enrolled = snapshots.enrolmentDates(trialId);
    ClrValues clrValues =
        clr
            ? ClrValues.of(
                results.profileRows(trialId, visits, Derivations.UNCLASSIFIED, of),
                analyte.code(),
                baseline == null ? Set.of(visit.code()) : Set.of(visit.code(), baseline))
            : null;
    List<ParticipantValue> read =
        clr ? clrValues.values() : results.participantValues(trialId, analyte.code(), visits, of);
    Values values =
        Values.of(
            read,
            visit.code(),
            baseline != null ? baseline : ancovaBaseline,
            change,
            censored,
            v ->
                VisitWindow.outOfWindow(
                    trial.visit(v.visit()).orElse(null),
                    enrolled.get(v.participant()),
                    v.latestCollectedAt()),
            window);
    // a log-ratio is on the log scale already: no geometric means of it
    boolean logScale = analyte.analysedOnLogScale() && !change && !clr;
    String unit = clr ? "1" : analyte.unit();
    String zeroReplacement = clr ? CentredLogRatio.ZERO_REPLACEMENT : null;
    List<ClrExclusion> excluded = clr ? clrValues.excluded() : null;

    if (POOLED.equals(by) || RUN.equals(by)) {
      return new Summary(
          trialId,
          analyte.code(),
          unit,
          visit.code(),
          by,
          change,
          baseline,
          POOLED.equals(by) ? values.statistics(p -> true) : null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          analyte.analysedOnLogScale(),
          logScale && POOLED.equals(by)
              ? LogScale.geometricMean(values.summarised(p -> true))
              : null,
          censored.parameter(),
          window.parameter(),
          scale.parameter(),
          zeroReplacement,
          excluded,
          RUN.equals(by) ? byRun(read, visit.code(), values) : null);
    }
    // in a crossover trial: the treatment of the visit's period
    Map<String, String> allocation = snapshots.allocations(trialId, visit.period());
    List<ArmSummary> arms = new ArrayList<>();
    for (TrialArm arm : trial.arms()) {
      Predicate<String> inArm = p -> arm.code().equals(allocation.get(p));
      arms.add(
          new ArmSummary(
              arm.label(),
              arm.type(),
              values.statistics(inArm),
              arm.code(),
              logScale ? LogScale.geometricMean(values.summarised(inArm)) : null));
    }
    ComparatorArm comparator = ComparatorArm.of(trial);
    List<ArmComparison> comparisons = List.of();
    String ancovaUnavailable = null;
    if (comparator.arm() != null) {
      ArmComparisons compared =
          ArmComparisons.of(
              trial,
              comparator.arm(),
              arms,
              allocation,
              values,
              ancovaBaseline == null
                  ? (trial.baselineVisit().isEmpty()
                      ? "the trial has no baseline visit"
                      : "the visit is the trial's baseline visit")
                  : null,
              logScale);
      comparisons = compared.comparisons();
      ancovaUnavailable = compared.ancovaUnavailableReason();
    }
    return new Summary(
        trialId,
        analyte.code(),
        unit,
        visit.code(),
        by,
        change,
        baseline,
        null,
        arms,
        comparisons.isEmpty() ? null : comparisons.get(0),
        comparisons,
        comparator.optional().map(TrialArm::code).orElse(null),
        comparator.rule(),
        comparator.noComparisonReason(),
        ancovaUnavailable,
        analyte.analysedOnLogScale(),
        null,
        censored.parameter(),
        window.parameter(),
        scale.parameter(),
        zeroReplacement,
        excluded,
        null);
  }

  /**
   * The statistics per assay run of the participants' latest results at the visit, pooled over arms
   * (so no allocation is revealed). A participant belongs to the run of their latest result at the
   * visit; one whose every result there failed QC has no latest result and no run.
   */
  private static List<RunSummary> byRun(List<ParticipantValue> read, String visit, Values values) {
    Map<String, String> runOf = new HashMap<>();
    for (ParticipantValue v : read) {
      if (v.visit().equals(visit) && v.latest() != null) {
        runOf.put(v.participant(), v.latestRun() == null ? UNSPECIFIED_RUN : v.latestRun());
      }
    }
    // runs in order, results without a run last (a run literally named so joins them)
    List<String> runs =
        runOf.values().stream()
            .distinct()
            .sorted(
                java.util.Comparator.comparing((String r) -> r.equals(UNSPECIFIED_RUN))
                    .thenComparing(java.util.Comparator.naturalOrder()))
            .toList();
    List<RunSummary> summaries = new ArrayList<>(runs.size());
    for (String run : runs) {
      summaries.add(new RunSummary(run, values.statistics(p -> run.equals(runOf.get(p)))));
    }
    return summaries;
  }

  /**
   * Per arm of the trial (by stable code), the statistics of the change of {@code analyteCode} from
   * the trial's baseline visit to {@code visit}, with the rules of {@code by=arm&change=true}: each
   * participant's latest result per visit (QC FAIL skipped), a censored latest result unused
   * (censored=exclude), a latest result outside its visit's window unused (window=exclude), of
   * {@code specimen} only (every specimen when null). No caller is checked: whoever asks decides
   * who may see per-arm figures (pooling across trials uses only trials that are not blinded).
   * Empty when the trial has no baseline visit or the visit is the baseline.
   */
  public Map<String, Statistics> changeByArm(
      TrialSnapshot trial, String analyteCode, TrialVisit visit, Specimen specimen) {
    return changeByArm(trial, analyteCode, visit, specimen, null);
  }

  /** As above, of results on one stool basis (WET, DRY) only, when {@code basis} is not null. */
  public Map<String, Statistics> changeByArm(
      TrialSnapshot trial, String analyteCode, TrialVisit visit, Specimen specimen, String basis) {
    String baseline = trial.baselineVisit().map(TrialVisit::code).orElse(null);
    if (baseline == null || baseline.equals(visit.code())) {
      return Map.of();
    }
    Map<String, java.time.LocalDate> enrolled = snapshots.enrolmentDates(trial.id());
    Values values =
        Values.of(
            results.participantValues(
                trial.id(), analyteCode, Set.of(visit.code(), baseline), specimen, basis),
            visit.code(),
            baseline,
            true,
            CensoredHandling.EXCLUDE,
            v ->
                VisitWindow.outOfWindow(
                    trial.visit(v.visit()).orElse(null),
                    enrolled.get(v.participant()),
                    v.latestCollectedAt()),
            WindowHandling.EXCLUDE);
    Map<String, String> allocation = snapshots.allocations(trial.id(), visit.period());
    Map<String, Statistics> byArm = new java.util.LinkedHashMap<>();
    for (TrialArm arm : trial.arms()) {
      byArm.put(arm.code(), values.statistics(p -> arm.code().equals(allocation.get(p))));
    }
    return byArm;
  }

  /** A part of a genus profile: a measured genus abundance, or the unclassified remainder. */
  private static boolean isGenusPart(Analyte analyte) {
    return analyte.layer() == OmicsLayer.MICROBIOME_TAXONOMIC
        && !analyte.derived()
        && (analyte.ncbiTaxonId() != null || Derivations.UNCLASSIFIED.equals(analyte.code()));
  }

  /** A participant's value to summarise, and whether it rests on a result with QC WARN. */
  record Value(double value, boolean warn, boolean substituted) {}

  /**
   * Per participant, the value to summarise: the participant's latest result at the visit that did
   * not fail QC, when it is not censored or the handling substitutes it (minus the same at baseline
   * for a change). Beside it, the participants whose latest result at the visit is censored (one
   * each), the results that failed QC (at the visit, and at baseline for a change), the
   * participants whose latest result at the visit is out of its window, and the pairs of baseline
   * and visit values the ANCOVA uses. With window=exclude an out-of-window latest result is the
   * participant's all the same (an earlier one does not stand in for it, as with censoring), but
   * gives no value, at the visit or at baseline.
   */
  record Values(
      Map<String, Value> byParticipant,
      Map<String, Integer> censored,
      Map<String, Integer> failed,
      Map<String, double[]> pairs,
      Set<String> known,
      Set<String> outOfWindow) {

    static Values of(
        List<ParticipantValue> values,
        String visit,
        String baseline,
        boolean change,
        CensoredHandling handling,
        Predicate<ParticipantValue> late,
        WindowHandling window) {
      Set<String> known = new HashSet<>();
      Set<String> outOfWindow = new HashSet<>();
      Map<String, Value> atVisit = new HashMap<>();
      Map<String, Value> atBaseline = new HashMap<>();
      Map<String, Integer> censored = new HashMap<>();
      Map<String, Integer> failed = new HashMap<>();
      // the database chose each participant's latest result per visit (of those not failed)
      for (ParticipantValue v : values) {
        boolean counted = v.visit().equals(visit) || (change && v.visit().equals(baseline));
        if (v.failedResults() > 0 && counted) {
          failed.merge(v.participant(), v.failedResults(), Integer::sum);
        }
        if (v.latest() == null) {
          continue; // every result there failed QC
        }
        boolean offSchedule = late.test(v);
        if (offSchedule && v.visit().equals(visit)) {
          outOfWindow.add(v.participant());
        }
        if (offSchedule && window == WindowHandling.EXCLUDE) {
          continue;
        }
        Value value = handling.value(v);
        if (v.visit().equals(visit)) {
          known.add(v.participant());
          if (v.latestCensored()) {
            censored.put(v.participant(), 1);
          }
          if (value != null) {
            atVisit.put(v.participant(), value);
          }
        }
        if (v.visit().equals(baseline) && value != null) {
          atBaseline.put(v.participant(), value);
        }
      }
      Map<String, Value> changes = new HashMap<>();
      Map<String, double[]> pairs = new HashMap<>();
      atVisit.forEach(
          (participant, value) -> {
            Value before = atBaseline.get(participant);
            if (before != null) {
              changes.put(
                  participant,
                  new Value(
                      value.value() - before.value(),
                      value.warn() || before.warn(),
                      value.substituted() || before.substituted()));
              pairs.put(participant, new double[] {before.value(), value.value()});
            }
          });
      return new Values(change ? changes : atVisit, censored, failed, pairs, known, outOfWindow);
    }

    Statistics statistics(Predicate<String> participants) {
      List<Value> selected =
          byParticipant.entrySet().stream()
              .filter(e -> participants.test(e.getKey()))
              .map(Map.Entry::getValue)
              .toList();
      int nCensored = sum(censored, participants);
      long nKnown = known.stream().filter(participants).count();
      return Descriptives.of(
              selected.stream().mapToDouble(Value::value).toArray(),
              nCensored,
              sum(failed, participants),
              (int) selected.stream().filter(Value::warn).count())
          .withCensoring(
              nKnown == 0 ? null : (double) nCensored / nKnown,
              (int) selected.stream().filter(Value::substituted).count())
          .withOutOfWindow((int) outOfWindow.stream().filter(participants).count());
    }

    /** The values summarised (values or changes) of the participants selected. */
    double[] summarised(Predicate<String> participants) {
      return byParticipant.entrySet().stream()
          .filter(e -> participants.test(e.getKey()))
          .mapToDouble(e -> e.getValue().value())
          .toArray();
    }

    private static int sum(Map<String, Integer> counts, Predicate<String> participants) {
      return counts.entrySet().stream()
          .filter(e -> participants.test(e.getKey()))
          .mapToInt(Map.Entry::getValue)
          .sum();
    }
  }
}
