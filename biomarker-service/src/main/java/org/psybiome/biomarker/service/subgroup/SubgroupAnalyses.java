package org.psybiome.biomarker.service.subgroup;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.SubgroupAnalysis;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.biomarker.service.ComparatorArm;
import org.psybiome.biomarker.service.ResultAccess;
import org.psybiome.biomarker.service.SummarySpecimen;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.VisitWindow;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.security.Caller;

/**
 * The treatment effect within subgroups of a baseline value, with the summaries' rules: each
 * participant's latest result per visit (QC FAIL skipped), out-of-window results unused, arms by
 * stable code, the comparator as summaries choose it. The subgroup value is the participant's
 * baseline result of the measure in its catalogue unit (one specimen); a censored one is placed by
 * its limit when the limit puts it on one side of every cut. The outcome needs a usable value at
 * the visit and at baseline (censored ones unused). Per-arm figures reveal the allocation: while
 * the trial is blinded to the caller only the pooled subgroup sizes are given.
 */
@ApplicationScoped
public class SubgroupAnalyses {

  static final String NO_OUTCOME_AT_VISIT = "NO_OUTCOME_AT_VISIT";
  static final String NO_OUTCOME_AT_BASELINE = "NO_OUTCOME_AT_BASELINE";
  static final String NON_POSITIVE_OUTCOME = "NON_POSITIVE_OUTCOME";
  static final String NO_SUBGROUP_VALUE = "NO_SUBGROUP_VALUE";
  static final String CENSORED_ACROSS_CUT = "CENSORED_ACROSS_CUT";

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;
  private final SummarySpecimen specimens;

  SubgroupAnalyses(
      CurrentResultStore results,
      TrialSnapshots snapshots,
      AnalyteService analytes,
      SummarySpecimen specimens) {
    this.results = results;
    this.snapshots = snapshots;
    this.analytes = analytes;
    this.specimens = specimens;
  }

  /** A participant's baseline subgroup value: measured, or censored at a limit. */
  private record Baseline(double value, String censored) {}

  /** A participant who can be analysed once classified. */
  private record Candidate(
      String participant, String arm, Baseline subgroup, double base, double y) {}

  public SubgroupAnalysis analyse(
      Caller caller,
      String trialId,
      String outcomeCode,
      String visitCode,
      String subgroup,
      String by,
      String cutoffs,
      String quantiles,
      String specimen) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    SubgroupDefinition definition =
        SubgroupDefinition.of(
            snapshots.analysisPlan(trialId), trialId, subgroup, by, cutoffs, quantiles);
    Analyte outcome = outcome(outcomeCode);
    TrialVisit visit = visit(trial, visitCode);
    TrialVisit baseline =
        trial
            .baselineVisit()
            .orElseThrow(
                () ->
                    SubgroupDefinition.invalid(
                        "Trial " + trialId + " has no baseline visit: there is no baseline value",
                        "visit",
                        "the trial has no baseline visit"));
    if (baseline.code().equals(visit.code())) {
      throw SubgroupDefinition.invalid(
          visit.code() + " is the trial's baseline visit: the outcome must be taken after it",
          "visit",
          "must be a visit after baseline");
    }
    Analyte measure = measure(definition);
    Specimen measureSpecimen = specimens.choose(trialId, measure, specimen);
    Specimen outcomeSpecimen = specimens.choose(trialId, outcome, null);
    boolean logScale = outcome.analysedOnLogScale();

    Map<String, String> allocation = new TreeMap<>();
    snapshots
        .allocations(trialId, visit.period())
        .forEach(
            (participant, arm) -> {
              if (trial.arm(arm).isPresent()) {
                allocation.put(participant, arm);
              }
            });
    Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trialId);
    Map<String, Double> atVisit = new HashMap<>();
    Map<String, Double> atBaseline = new HashMap<>();
    for (ParticipantValue v :
        results.participantValues(
            trialId, outcome.code(), Set.of(visit.code(), baseline.code()), outcomeSpecimen)) {
      boolean ofVisit = v.visit().equals(visit.code());
      if (usable(v, ofVisit ? visit : baseline, enrolled) && !v.latestCensored()) {
        (ofVisit ? atVisit : atBaseline).put(v.participant(), v.latest().doubleValue());
      }
    }
    Map<String, Baseline> subgroupValues = new HashMap<>();
    for (ParticipantValue v :
        results.participantValues(
            trialId, measure.code(), Set.of(baseline.code()), measureSpecimen)) {
      if (usable(v, baseline, enrolled)) {
        subgroupValues.put(
            v.participant(),
            new Baseline(
                v.latest().doubleValue(), v.latestCensored() ? v.latestComparator() : null));
      }
    }

    Map<String, Integer> notAnalysed = new LinkedHashMap<>();
    List<Candidate> candidates = new ArrayList<>();
    allocation.forEach(
        (participant, arm) -> {
          Double y = atVisit.get(participant);
          Double base = atBaseline.get(participant);
          Baseline value = subgroupValues.get(participant);
          String reason = null;
          if (y == null) {
            reason = NO_OUTCOME_AT_VISIT;
          } else if (base == null) {
            reason = NO_OUTCOME_AT_BASELINE;
          } else if (logScale && !(y > 0 && base > 0)) {
            reason = NON_POSITIVE_OUTCOME;
          } else if (value == null || (value.censored() != null && !isLimit(value.censored()))) {
            reason = NO_SUBGROUP_VALUE;
          }
          if (reason != null) {
            notAnalysed.merge(reason, 1, Integer::sum);
          } else {
            candidates.add(
                new Candidate(
                    participant,
                    arm,
                    value,
                    logScale ? Math.log(base) : base,
                    logScale ? Math.log(y) : y));
          }
        });

    List<String> notes = new ArrayList<>();
    SubgroupCuts cuts = cuts(definition, measure, candidates, notes);
    Map<String, Integer> groupOf = new HashMap<>();
    int[] sizes = new int[cuts.groups()];
    int[] censoredIn = new int[cuts.groups()];
    int censoredPlaced = 0;
    int censoredAcross = 0;
    for (Candidate c : candidates) {
      Baseline value = c.subgroup();
      int group =
          value.censored() == null
              ? cuts.group(value.value())
              : "<".equals(value.censored())
                  ? cuts.groupBelow(value.value())
                  : cuts.groupAbove(value.value());
      if (group < 0) {
        censoredAcross++;
        notAnalysed.merge(CENSORED_ACROSS_CUT, 1, Integer::sum);
        continue;
      }
      if (value.censored() != null) {
        censoredPlaced++;
        censoredIn[group]++;
      }
      groupOf.put(c.participant(), group);
      sizes[group]++;
    }
    notes.add(
        "A baseline "
            + measure.code()
            + " censored below its limit of quantification is in the lowest group when the limit"
            + " is at or below the first cut, and one above its upper limit in the highest group"
            + " when the limit is at or above the last cut; otherwise it could lie on either side"
            + " and the participant is not analysed ("
            + censoredPlaced
            + " placed, "
            + censoredAcross
            + " not classifiable).");
    notes.add(
        "The outcome is each participant's latest result of "
            + outcome.code()
            + " at "
            + visit.code()
            + " and at "
            + baseline.code()
            + " (results with QC FAIL skipped; censored results and results collected outside"
            + " their visit's window unused)"
            + (logScale ? ", analysed on natural logs." : "."));
    List<SubgroupAnalysis.Group> groups = new ArrayList<>();
    for (int g = 0; g < cuts.groups(); g++) {
      groups.add(
          new SubgroupAnalysis.Group(
              g,
              cuts.label(measure.code(), g),
              cuts.lower(g),
              cuts.upper(g),
              sizes[g],
              censoredIn[g]));
    }
    List<SubgroupAnalysis.NotAnalysed> excluded =
        notAnalysed.entrySet().stream()
            .map(e -> new SubgroupAnalysis.NotAnalysed(e.getKey(), e.getValue()))
            .toList();
    SubgroupAnalysis.Variable variable =
        new SubgroupAnalysis.Variable(
            definition.code(),
            definition.label(),
            measure.code(),
            measure.unit(),
            measureSpecimen,
            definition.cutoffs(),
            definition.quantiles(),
            cuts.cuts(),
            definition.stratificationFactor());
    boolean arms = ResultAccess.canSeeArms(trial, caller);
    if (!arms) {
      notes.add(
          "The trial is blinded to the caller: only the pooled subgroup sizes are given, no"
              + " effects and no interaction test.");
    }
    ComparatorArm comparator = ComparatorArm.of(trial);
    List<SubgroupAnalysis.Comparison> comparisons = null;
    if (arms) {
      comparisons = new ArrayList<>();
      if (comparator.arm() != null) {
        for (TrialArm arm : trial.arms()) {
          if (!arm.code().equals(comparator.arm().code())) {
            comparisons.add(
                compare(
                    arm.code(),
                    comparator.arm().code(),
                    candidates,
                    groupOf,
                    cuts,
                    measure.code(),
                    model(outcome.code(), visit.code(), baseline.code(), logScale),
                    logScale ? Math::exp : Function.identity()));
          }
        }
      }
    }
    return new SubgroupAnalysis(
        trialId,
        outcome.code(),
        outcome.unit(),
        visit.code(),
        baseline.code(),
        variable,
        definition.preRegistered(),
        preRegistration(trialId, definition),
        arms,
        logScale,
        logScale ? "GEOMETRIC_MEAN_RATIO" : "MEAN_DIFFERENCE",
        "exclude",
        allocation.size(),
        groupOf.size(),
        excluded,
        groups,
        notes,
        arms ? comparator.optional().map(TrialArm::code).orElse(null) : null,
        arms ? comparator.rule() : null,
        arms ? comparator.noComparisonReason() : null,
        comparisons);
  }

  private static SubgroupAnalysis.Comparison compare(
      String experimental,
      String reference,
      List<Candidate> candidates,
      Map<String, Integer> groupOf,
      SubgroupCuts cuts,
      String measure,
      String model,
      Function<Double, Double> back) {
    List<SubgroupModels.Observation> observations = new ArrayList<>();
    for (Candidate c : candidates) {
      Integer group = groupOf.get(c.participant());
      if (group != null && (c.arm().equals(experimental) || c.arm().equals(reference))) {
        observations.add(
            new SubgroupModels.Observation(c.arm().equals(experimental), group, c.base(), c.y()));
      }
    }
    List<SubgroupAnalysis.Effect> effects = new ArrayList<>();
    for (int g = 0; g < cuts.groups(); g++) {
      int group = g;
      effects.add(
          SubgroupModels.effect(
              g,
              cuts.label(measure, g),
              observations.stream().filter(o -> o.group() == group).toList(),
              back));
    }
    int nExperimental =
        (int) observations.stream().filter(SubgroupModels.Observation::experimental).count();
    return new SubgroupAnalysis.Comparison(
        experimental,
        reference,
        nExperimental,
        observations.size() - nExperimental,
        effects,
        SubgroupModels.interaction(observations, model));
  }

  private SubgroupCuts cuts(
      SubgroupDefinition definition,
      Analyte measure,
      List<Candidate> candidates,
      List<String> notes) {
    if (definition.cutoffs() != null) {
      notes.add(
          "Cuts are the "
              + (definition.preRegistered() ? "trial plan's" : "requested")
              + " cutoffs "
              + definition.cutoffs()
              + " "
              + measure.unit()
              + ": below the first, then at or above each; a value equal to a cut is in the upper"
              + " group.");
      return new SubgroupCuts(
          definition.cutoffs().stream().map(java.math.BigDecimal::doubleValue).toList());
    }
    double[] measured =
        candidates.stream()
            .filter(c -> c.subgroup().censored() == null)
            .mapToDouble(c -> c.subgroup().value())
            .toArray();
    if (measured.length == 0) {
      throw new ProblemException(
          ProblemType.UNPROCESSABLE,
          "No participant with an outcome has a measured baseline "
              + measure.code()
              + ": there are no values to compute quantiles of");
    }
    int k = definition.quantiles();
    SubgroupCuts cuts = SubgroupCuts.quantiles(measured, k);
    notes.add(
        "Cuts are the type-7 quantiles at 1/"
            + k
            + " … "
            + (k - 1)
            + "/"
            + k
            + " of the "
            + measured.length
            + " measured (uncensored) baseline values of "
            + measure.code()
            + " of the participants with an outcome, all arms pooled: "
            + cuts.cuts()
            + " "
            + measure.unit()
            + "; a value equal to a cut is in the upper group, so tied values can make groups"
            + " unequal.");
    return cuts;
  }

  private static String preRegistration(String trialId, SubgroupDefinition definition) {
    if (definition.preRegistered()) {
      return "Pre-registered: subgroup "
          + definition.code()
          + " by baseline "
          + definition.measure()
          + " is named in trial "
          + trialId
          + "'s analysis plan"
          + (definition.stratificationFactor() == null
              ? "."
              : ", mirroring the randomisation stratification factor "
                  + definition.stratificationFactor()
                  + ".");
    }
    return "Exploratory: subgroups by baseline "
        + definition.measure()
        + " were chosen by the caller, not pre-registered in the trial's analysis plan; any"
        + " difference between them generates a hypothesis rather than confirms one.";
  }

  private static String model(String outcome, String visit, String baseline, boolean log) {
    String y = (log ? "ln " : "") + outcome + "@" + visit;
    String base = (log ? "ln " : "") + outcome + "@" + baseline;
    return y + " ~ arm + subgroup + arm×subgroup + " + base;
  }

  /** A latest result that did not fail QC and was collected within its visit's window. */
  private static boolean usable(
      ParticipantValue v, TrialVisit visit, Map<String, LocalDate> enrolled) {
    return v.latest() != null
        && !VisitWindow.outOfWindow(visit, enrolled.get(v.participant()), v.latestCollectedAt());
  }

  private static boolean isLimit(String comparator) {
    return "<".equals(comparator) || ">".equals(comparator);
  }

  private Analyte outcome(String code) {
    if (code == null) {
      throw SubgroupDefinition.invalid("outcome is required", "outcome", "is required");
    }
    return analytes
        .find(code)
        .orElseThrow(
            () ->
                SubgroupDefinition.invalid(
                    "No analyte or scale " + code + " in the catalogue", "outcome", "is unknown"));
  }

  private Analyte measure(SubgroupDefinition definition) {
    return analytes
        .find(definition.measure())
        .orElseThrow(
            () ->
                definition.preRegistered()
                    ? new ProblemException(
                        ProblemType.UNPROCESSABLE,
                        "The trial's planned subgroup "
                            + definition.code()
                            + " is by "
                            + definition.measure()
                            + ", which is not in the catalogue")
                    : SubgroupDefinition.invalid(
                        "No analyte or scale " + definition.measure() + " in the catalogue",
                        "by",
                        "is unknown"));
  }

  private static TrialVisit visit(TrialSnapshot trial, String code) {
    if (code == null) {
      throw SubgroupDefinition.invalid("visit is required", "visit", "is required");
    }
    return trial
        .visit(code)
        .orElseThrow(
            () ->
                SubgroupDefinition.invalid(
                    "Trial " + trial.id() + " has no visit " + code,
                    "visit",
                    "must be one of " + trial.visits().stream().map(TrialVisit::code).toList()));
  }
}
