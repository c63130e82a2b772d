package org.psybiome.biomarker.service.crossover;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.CrossoverAnalysis;
import org.psybiome.biomarker.model.CrossoverAnalysis.ExclusionCount;
import org.psybiome.biomarker.model.CrossoverComparison;
import org.psybiome.biomarker.model.CrossoverExclusion;
import org.psybiome.biomarker.model.CrossoverParticipant;
import org.psybiome.biomarker.model.CrossoverParticipant.ParticipantDifference;
import org.psybiome.biomarker.model.CrossoverPeriod;
import org.psybiome.biomarker.model.ParticipantAllocation;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialDesign;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.biomarker.service.CensoredHandling;
import org.psybiome.biomarker.service.ComparatorArm;
import org.psybiome.biomarker.service.ResultAccess;
import org.psybiome.biomarker.service.SummarySpecimen;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.VisitReadings;
import org.psybiome.biomarker.service.VisitReadings.Reading;
import org.psybiome.biomarker.service.WindowHandling;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * The crossover analysis of an analyte: each participant with a treatment sequence has a value per
 * period, the value (by the summaries' rules) at the period's last scheduled visit. That visit is
 * fixed by the schedule, not by the data: taking the last visit that happens to have a value would
 * let missing data choose the measurement, and the end of a period is when its treatment has had
 * its full effect. A participant needs a value in every period of their sequence that has a visit;
 * anyone else is listed as excluded with the reason. While the trial is blinded to the caller only
 * counts are given, as the summaries and the analysis table do.
 */
@ApplicationScoped
public class CrossoverAnalyses {

  static final String CROSSOVER = "CROSSOVER";
  static final String N_OF_1 = "N_OF_1";
  static final String NON_POSITIVE = "a value ≤ 0 has no logarithm";
  static final String NO_PERIOD_VISIT = "no period of the sequence has a scheduled visit";
  static final String WITHHELD =
      "the trial is blinded to the caller: each participant's treatments and the comparisons"
          + " between arms are withheld";

  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;
  private final SummarySpecimen specimens;
  private final VisitReadings readings;

  CrossoverAnalyses(
      TrialSnapshots snapshots,
      AnalyteService analytes,
      SummarySpecimen specimens,
      VisitReadings readings) {
    this.snapshots = snapshots;
    this.analytes = analytes;
    this.specimens = specimens;
    this.readings = readings;
  }

  public CrossoverAnalysis analyse(
      Caller caller,
      String trialId,
      String analyteCode,
      String specimen,
      CensoredHandling censored,
      WindowHandling window) {
    // a parameter that names no specimen is a malformed request whatever the trial's design
    SummarySpecimen.requireKnown(specimen);
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    TrialDesign design = snapshots.design(trialId).orElse(new TrialDesign(null, List.of()));
    String model = model(trial, design);
    if (analyteCode == null) {
      throw ProblemException.invalid(
          "analyte is required", List.of(Violation.of("analyte", "is required")));
    }
    Analyte analyte =
        analytes
            .find(analyteCode)
            .orElseThrow(() -> ProblemException.notFound("No analyte " + analyteCode));
    Specimen of = specimens.choose(trialId, analyte, specimen);
    boolean logScale = analyte.analysedOnLogScale();

    List<CrossoverPeriod> periods = periods(trial, design);
    Map<String, CrossoverPeriod> byCode = new LinkedHashMap<>();
    periods.stream().filter(p -> p.visit() != null).forEach(p -> byCode.put(p.code(), p));
    Set<String> visits = new LinkedHashSet<>();
    byCode.values().forEach(p -> visits.add(p.visit()));
    Map<String, Map<String, Reading>> read =
        visits.isEmpty()
            ? Map.of()
            : readings.read(trial, analyte.code(), visits, of, censored, window);

    List<Subject> subjects = new ArrayList<>();
    List<CrossoverExclusion> excluded = new ArrayList<>();
    List<ParticipantAllocation> sequences = snapshots.sequences(trialId);
    for (ParticipantAllocation participant : sequences) {
      List<Subject.Slot> slots = new ArrayList<>();
      List<String> missing = new ArrayList<>();
      String reason = null;
      for (CrossoverPeriod period : byCode.values()) {
        String arm = participant.periodArms().get(period.code());
        if (arm == null) {
          continue; // not a period of this participant's sequence
        }
        Reading reading =
            read.getOrDefault(period.visit(), Map.of())
                .getOrDefault(
                    participant.code(), new Reading(null, false, false, VisitReadings.NO_RESULT));
        String why = reading.missingReason();
        if (why == null && logScale && !(reading.value() > 0)) {
          why = NON_POSITIVE;
        }
        if (why != null) {
          reason = reason == null ? why : reason;
          missing.add(period.code() + " (" + period.visit() + "): " + why);
          continue;
        }
        double value = reading.value();
        slots.add(
            new Subject.Slot(
                period.code(), period.visit(), arm, value, logScale ? Math.log(value) : value));
      }
      if (reason == null && slots.isEmpty()) {
        reason = NO_PERIOD_VISIT;
        missing.add(String.join(", ", participant.periodArms().keySet()));
      }
      if (reason != null) {
        excluded.add(
            new CrossoverExclusion(
                participant.code(),
                participant.sequenceCode(),
                reason,
                String.join("; ", missing)));
      } else {
        subjects.add(new Subject(participant.code(), participant.sequenceCode(), slots));
      }
    }
    Map<String, Integer> reasons = new LinkedHashMap<>();
    excluded.forEach(e -> reasons.merge(e.reason(), 1, Integer::sum));
    List<ExclusionCount> exclusionReasons =
        reasons.entrySet().stream().map(e -> new ExclusionCount(e.getKey(), e.getValue())).toList();

    ComparatorArm comparator = ComparatorArm.of(trial);
    boolean arms = ResultAccess.canSeeArms(trial, caller);
    if (!arms) {
      return new CrossoverAnalysis(
          trialId,
          analyte.code(),
          analyte.unit(),
          of,
          model,
          logScale,
          true,
          periods,
          comparator.optional().map(TrialArm::code).orElse(null),
          comparator.rule(),
          comparator.noComparisonReason(),
          sequences.size(),
          subjects.size(),
          excluded.size(),
          exclusionReasons,
          null,
          null,
          null,
          WITHHELD,
          censored.parameter(),
          window.parameter());
    }

    List<CrossoverComparison> comparisons = new ArrayList<>();
    Map<String, List<ParticipantDifference>> differences = new LinkedHashMap<>();
    if (comparator.arm() != null) {
      String reference = comparator.arm().code();
      for (TrialArm arm : trial.arms()) {
        if (arm.code().equals(reference)
            || subjects.stream().noneMatch(s -> s.receives(arm.code()) && s.receives(reference))) {
          continue; // no participant received this arm and the comparator
        }
        WithinParticipantComparison.Result result =
            WithinParticipantComparison.compare(
                subjects, arm.code(), reference, byCode.size(), N_OF_1.equals(model), logScale);
        comparisons.add(result.comparison());
        result
            .differences()
            .forEach(
                (participant, difference) ->
                    differences
                        .computeIfAbsent(participant, k -> new ArrayList<>())
                        .add(difference));
      }
    }
    List<CrossoverParticipant> participants =
        subjects.stream()
            .map(
                s ->
                    new CrossoverParticipant(
                        s.participant(),
                        s.sequence(),
                        s.periods().stream()
                            .map(
                                slot ->
                                    new CrossoverParticipant.PeriodValue(
                                        slot.period(), slot.visit(), slot.arm(), slot.value()))
                            .toList(),
                        differences.getOrDefault(s.participant(), List.of())))
            .toList();
    return new CrossoverAnalysis(
        trialId,
        analyte.code(),
        analyte.unit(),
        of,
        model,
        logScale,
        false,
        periods,
        comparator.optional().map(TrialArm::code).orElse(null),
        comparator.rule(),
        comparator.noComparisonReason(),
        sequences.size(),
        subjects.size(),
        excluded.size(),
        exclusionReasons,
        excluded,
        participants,
        comparisons,
        null,
        censored.parameter(),
        window.parameter());
  }

  /**
   * CROSSOVER or N_OF_1 as the record says. A snapshot learnt before the intervention model was
   * kept has none: its visits bound to periods (which trial-service allows only in these designs)
   * make it a CROSSOVER, without the N-of-1 cycles, until the trial's next record event.
   */
  private static String model(TrialSnapshot trial, TrialDesign design) {
    String model = design.interventionModel();
    if (CROSSOVER.equals(model) || N_OF_1.equals(model)) {
      return model;
    }
    if (model == null && trial.visits().stream().anyMatch(v -> v.period() != null)) {
      return CROSSOVER;
    }
    throw ProblemException.conflict(
        "Trial "
            + trial.id()
            + (model == null
                ? " has no crossover periods"
                : " is a " + model + " trial, not CROSSOVER or N_OF_1")
            + ": a crossover analysis compares treatments within participants, which needs"
            + " treatment periods; use the summaries' by=arm comparison");
  }

  /**
   * The periods in the record's order (design.crossover.periods), then any other period the
   * schedule names, by the day of its first visit; each with its last scheduled visit.
   */
  static List<CrossoverPeriod> periods(TrialSnapshot trial, TrialDesign design) {
    List<String> order = new ArrayList<>(design.periods());
    trial.visits().stream()
        .filter(v -> v.period() != null)
        .sorted(Comparator.comparingInt(TrialVisit::dayOffset))
        .map(TrialVisit::period)
        .filter(p -> !order.contains(p))
        .distinct()
        .forEach(order::add);
    List<CrossoverPeriod> periods = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      String code = order.get(i);
      TrialVisit last = null;
      for (TrialVisit visit : trial.visits()) {
        // the highest dayOffset; of equal ones the later in the schedule
        if (code.equals(visit.period())
            && (last == null || visit.dayOffset() >= last.dayOffset())) {
          last = visit;
        }
      }
      periods.add(new CrossoverPeriod(code, i + 1, last == null ? null : last.code()));
    }
    return periods;
  }
}
