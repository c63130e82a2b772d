package org.psybiome.biomarker.service.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.Evidence;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.Statistics;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.biomarker.service.ComparatorArm;
import org.psybiome.biomarker.service.Summaries;
import org.psybiome.biomarker.service.SummarySpecimen;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.TrialSnapshots.KnownTrial;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Evidence across registered trials (docs/decisions.md, 24). Which trials qualify is decided from
 * their records first, in this order, so that a trial whose owner does not share is set aside
 * before any of its results is read: the owner shares aggregate results (or the trial is of the
 * caller's consortium); it is not blinded (masked and not unblinded never enters); an open-label
 * trial is completed or terminated; it has a comparator arm; it is a parallel-group trial; its
 * analysis plan names an end-of-treatment visit of its schedule after its baseline visit. Then its
 * results: the first outcome listed it has results of, in one specimen shared by every trial, and
 * each arm's change from baseline by the summaries' rules, at least two participants per arm.
 */
@ApplicationScoped
public class EvidenceSynthesis {

  /** z(0.975): the usual per-trial interval of a forest plot. */
  private static final double Z = new NormalDistribution().inverseCumulativeProbability(0.975);

  private static final Set<String> FINISHED = Set.of("COMPLETED", "TERMINATED");
  private static final Set<String> NOT_PARALLEL = Set.of("CROSSOVER", "N_OF_1");

  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;
  private final Summaries summaries;
  private final SummarySpecimen specimens;
  private final CurrentResultStore results;

  EvidenceSynthesis(
      TrialSnapshots snapshots,
      AnalyteService analytes,
      Summaries summaries,
      SummarySpecimen specimens,
      CurrentResultStore results) {
    this.snapshots = snapshots;
    this.analytes = analytes;
    this.summaries = summaries;
    this.specimens = specimens;
    this.results = results;
  }

  /** A trial that qualifies by its record: the arms compared and the visits. */
  private record Candidate(
      KnownTrial known,
      TrialArm experimental,
      TrialArm comparator,
      int otherArms,
      TrialVisit baseline,
      TrialVisit visit) {
    TrialSnapshot trial() {
      return known.snapshot();
    }
  }

  public Evidence evidence(Caller caller, EvidenceQuery query) {
    List<Analyte> outcomes = new ArrayList<>();
    for (String code : query.outcomes()) {
      outcomes.add(
          analytes
              .find(code)
              .orElseThrow(
                  () ->
                      EvidenceQuery.invalid(
                          "No analyte " + code + " in the catalogue",
                          "outcome",
                          "must be analyte codes of the catalogue")));
    }
    if (outcomes.size() > 1) {
      for (Analyte outcome : outcomes) {
        if (outcome.layer() != OmicsLayer.CLINICAL_SCALE) {
          // a standardised difference makes scales of one construct comparable, not any two
          // quantities
          throw EvidenceQuery.invalid(
              "Several outcomes must all be rating scales; "
                  + outcome.code()
                  + " is of layer "
                  + outcome.layer(),
              "outcome",
              "with several codes, each must be an analyte of layer CLINICAL_SCALE");
        }
      }
    }
    Specimen requested = null;
    if (query.specimen() != null) {
      for (Analyte outcome : outcomes) {
        // the summaries' check: a known specimen the analyte may be measured in (else 400)
        requested = specimens.choose(null, outcome, query.specimen());
      }
    }
    String own = caller.consortium().orElse(null);
    List<Evidence.Excluded> excluded = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    for (KnownTrial known : snapshots.all()) {
      TrialSnapshot trial = known.snapshot();
      ComparatorArm comparator = ComparatorArm.of(trial);
      List<TrialArm> matching =
          trial.arms().stream()
              .filter(a -> comparator.arm() == null || !a.code().equals(comparator.arm().code()))
              .filter(
                  a ->
                      ArmInterventions.matches(trial, a, query.interventionType(), query.adjunct()))
              .toList();
      if (matching.isEmpty()) {
        continue; // not a trial of the question asked: not listed at all
      }
      String[] reason = recordReason(known, own, comparator);
      if (reason != null) {
        excluded.add(excluded(known, reason[0], reason[1]));
        continue;
      }
      TrialVisit baseline = trial.baselineVisit().orElseThrow();
      TrialVisit visit = trial.visit(known.endOfTreatmentVisit()).orElseThrow();
      candidates.add(
          new Candidate(
              known, matching.get(0), comparator.arm(), matching.size() - 1, baseline, visit));
    }

    // the outcome each trial contributes, and its specimens: read only for qualifying trials
    Map<Candidate, Analyte> outcomeOf = new LinkedHashMap<>();
    Map<Candidate, List<Specimen>> specimensOf = new LinkedHashMap<>();
    for (Candidate c : candidates) {
      for (Analyte outcome : outcomes) {
        List<Specimen> found = results.specimens(c.trial().id(), outcome.code());
        if (requested == null ? !found.isEmpty() : found.contains(requested)) {
          outcomeOf.put(c, outcome);
          specimensOf.put(c, found);
          break;
        }
      }
      if (!outcomeOf.containsKey(c)) {
        excluded.add(
            excluded(
                c.known(),
                "NO_RESULTS",
                "The trial has no results of "
                    + String.join(" or ", query.outcomes())
                    + (requested == null ? "" : " in " + requested)));
      }
    }
    Specimen specimen = requested != null ? requested : commonSpecimen(specimensOf);
    String basis = basis(query.basis(), outcomeOf, specimen, excluded);

    List<Evidence.Included> included = new ArrayList<>();
    List<StudyEffect> effects = new ArrayList<>();
    for (Map.Entry<Candidate, Analyte> entry : outcomeOf.entrySet()) {
      Candidate c = entry.getKey();
      Analyte outcome = entry.getValue();
      Map<String, Statistics> byArm =
          summaries.changeByArm(c.trial(), outcome.code(), c.visit(), specimen, basis);
      Statistics e = byArm.get(c.experimental().code());
      Statistics r = byArm.get(c.comparator().code());
      String where =
          outcome.code()
              + (specimen == null ? "" : " (" + specimen + ")")
              + (basis == null ? "" : " (" + basis + " basis)")
              + " at both "
              + c.baseline().code()
              + " and "
              + c.visit().code();
      if (e.n() == 0 || r.n() == 0) {
        TrialArm empty = e.n() == 0 ? c.experimental() : c.comparator();
        excluded.add(
            excluded(
                c.known(),
                "NO_RESULTS",
                "No participant of arm " + empty.code() + " has a usable result of " + where));
        continue;
      }
      if (e.n() < 2 || r.n() < 2) {
        excluded.add(
            excluded(
                c.known(),
                "TOO_FEW_RESULTS",
                "An arm has fewer than two participants with a usable result of "
                    + where
                    + ": its SD is not defined"));
        continue;
      }
      EffectSizes.ArmStatistics treatment = new EffectSizes.ArmStatistics(e.mean(), e.sd(), e.n());
      EffectSizes.ArmStatistics control = new EffectSizes.ArmStatistics(r.mean(), r.sd(), r.n());
      StudyEffect effect;
      try {
        effect =
            EvidenceQuery.MD.equals(query.effect())
                ? EffectSizes.meanDifference(c.trial().id(), treatment, control)
                : EffectSizes.hedgesG(c.trial().id(), treatment, control);
      } catch (IllegalArgumentException noVariance) {
        excluded.add(
            excluded(
                c.known(),
                "TOO_FEW_RESULTS",
                "The changes of " + where + " do not vary: the effect has no sampling variance"));
        continue;
      }
      effects.add(effect);
      double se = Math.sqrt(effect.variance());
      included.add(
          new Evidence.Included(
              c.trial().id(),
              c.known().title(),
              c.trial().consortium(),
              outcome.code(),
              c.baseline().code(),
              c.visit().code(),
              new Evidence.Arm(c.experimental().code(), c.experimental().label()),
              new Evidence.Arm(c.comparator().code(), c.comparator().label()),
              new Evidence.ArmChange(e.n(), e.mean(), e.sd()),
              new Evidence.ArmChange(r.n(), r.mean(), r.sd()),
              effect.estimate(),
              effect.variance(),
              se,
              effect.estimate() - Z * se,
              effect.estimate() + Z * se,
              null,
              ArmInterventions.label(c.trial(), c.experimental()),
              ArmInterventions.adjunct(c.trial(), c.experimental()),
              c.otherArms() == 0
                  ? null
                  : c.otherArms()
                      + " other arm(s) matching the question not pooled: one comparison per"
                      + " trial, so that its comparator arm counts once"));
    }

    PooledEffect all = null;
    String notPooled =
        effects.isEmpty()
            ? "No trial qualifies: there is nothing to pool"
            : "Only one trial qualifies: pooling needs at least two";
    if (effects.size() >= 2) {
      try {
        all = RandomEffectsMeta.pool(effects);
        if (!(all.se() > 0) || !Double.isFinite(all.se())) {
          // identical effects: the Hartung–Knapp scale is 0 and the interval has no width
          notPooled = "The trials' effects are identical: the Hartung–Knapp interval is degenerate";
          all = null;
        }
      } catch (ArithmeticException notConverged) {
        notPooled = "The REML estimate of τ² did not converge: " + notConverged.getMessage();
      }
    }
    if (all == null) {
      return new Evidence(
          query.outcomes(),
          query.timepoint(),
          query.interventionType(),
          query.adjunct(),
          query.effect(),
          included.isEmpty() ? null : specimen,
          included,
          byTrialId(excluded),
          null,
          notPooled,
          null,
          List.of(),
          query.basis());
    }
    double totalWeight = 0;
    for (StudyEffect s : effects) {
      totalWeight += 1 / (s.variance() + all.tau2());
    }
    for (int i = 0; i < included.size(); i++) {
      Evidence.Included t = included.get(i);
      double weight = 100 / (effects.get(i).variance() + all.tau2()) / totalWeight;
      included.set(i, withWeight(t, weight));
    }
    List<Evidence.LeaveOneOut> leaveOneOut = null;
    if (effects.size() >= 3) {
      leaveOneOut = new ArrayList<>();
      List<PooledEffect> without = RandomEffectsMeta.leaveOneOut(effects);
      for (int i = 0; i < without.size(); i++) {
        PooledEffect p = without.get(i);
        leaveOneOut.add(
            new Evidence.LeaveOneOut(
                effects.get(i).study(),
                p.estimate(),
                p.se(),
                p.ciLow(),
                p.ciHigh(),
                p.p(),
                p.tau2(),
                p.i2()));
      }
    }
    List<Evidence.SubgroupAnalysis> subgroups = new ArrayList<>();
    if (query.interventionType() == null) {
      subgroups.add(
          subgroups(
              "interventionType",
              effects,
              included.stream().map(Evidence.Included::interventionType).toList()));
    }
    if (query.adjunct() == null) {
      subgroups.add(
          subgroups(
              "adjunct",
              effects,
              included.stream().map(t -> t.adjunct() ? "adjunct" : "standalone").toList()));
    }
    return new Evidence(
        query.outcomes(),
        query.timepoint(),
        query.interventionType(),
        query.adjunct(),
        query.effect(),
        specimen,
        included,
        byTrialId(excluded),
        pooled(all),
        null,
        leaveOneOut,
        subgroups,
        query.basis());
  }

  /**
   * Why the record alone keeps the trial out, or null: {reason code, sentence}. Sharing comes
   * first, so a trial that is not shared is set aside before anything about its results is read.
   */
  private static String[] recordReason(KnownTrial known, String own, ComparatorArm comparator) {
    TrialSnapshot trial = known.snapshot();
    if (!known.resultsShared() && !trial.consortium().equals(own)) {
      return new String[] {
        "NOT_SHARED",
        "The trial's owner has not consented to share its aggregate results beyond its"
            + " consortium"
      };
    }
    if (trial.blinded()) {
      return new String[] {
        "BLINDED",
        "The trial is masked and not unblinded: per-arm figures would reveal the allocation"
      };
    }
    if (!trial.masked() && !FINISHED.contains(trial.status())) {
      return new String[] {
        "ONGOING",
        "The trial is open-label and ongoing (status "
            + trial.status()
            + "): it enters once completed or terminated"
      };
    }
    if (comparator.arm() == null) {
      return new String[] {
        "NO_COMPARATOR", "No comparator arm: " + comparator.noComparisonReason()
      };
    }
    if (known.interventionModel() != null && NOT_PARALLEL.contains(known.interventionModel())) {
      return new String[] {
        "NOT_PARALLEL",
        "The trial is "
            + known.interventionModel()
            + ": its arms are not parallel groups whose changes could be compared"
      };
    }
    String eot = known.endOfTreatmentVisit();
    if (eot == null) {
      return new String[] {
        "NO_TIMEPOINT", "The trial's analysis plan declares no end-of-treatment visit"
      };
    }
    if (trial.visit(eot).isEmpty()) {
      return new String[] {
        "NO_TIMEPOINT",
        "The end-of-treatment visit " + eot + " is not a visit of the trial's schedule"
      };
    }
    TrialVisit baseline = trial.baselineVisit().orElse(null);
    if (baseline == null || baseline.code().equals(eot)) {
      return new String[] {
        "NO_TIMEPOINT",
        baseline == null
            ? "The trial has no baseline visit to measure a change from"
            : "The end-of-treatment visit is the baseline visit"
      };
    }
    return null;
  }

  /**
   * The one specimen every qualifying trial's results of its outcome are in; several (in a trial,
   * or between trials) → 422 listing each trial's, rather than mixing different quantities.
   */
  private static Specimen commonSpecimen(Map<Candidate, List<Specimen>> specimensOf) {
    Set<Specimen> all = new LinkedHashSet<>();
    specimensOf.values().forEach(all::addAll);
    if (all.size() <= 1) {
      return all.isEmpty() ? null : all.iterator().next();
    }
    List<Violation> each = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    specimensOf.forEach(
        (c, found) -> {
          each.add(
              Violation.of("specimen", c.trial().id() + " has results of its outcome in " + found));
          listed.add(c.trial().id() + ": " + found);
        });
    throw new ProblemException(
        ProblemType.UNPROCESSABLE,
        "The qualifying trials' results are in different specimens ("
            + String.join("; ", listed)
            + "); values in different specimens are different quantities and are never pooled:"
            + " name one with specimen=",
        each);
  }

  /**
   * The stool basis pooled, as a filter of the results read (null: no filter). One asked for: the
   * trials without results of their outcome on it are excluded. Else the bases of the qualifying
   * trials' results must agree: WET and DRY, or a basis beside results that give none, are
   * different quantities (a wet-mass concentration is a fraction of the dry-mass one) → 422 listing
   * each trial's, rather than pooled.
   */
  private String basis(
      String requested,
      Map<Candidate, Analyte> outcomeOf,
      Specimen specimen,
      List<Evidence.Excluded> excluded) {
    Map<Candidate, Set<String>> basesOf = new LinkedHashMap<>();
    outcomeOf.forEach(
        (c, outcome) -> basesOf.put(c, results.bases(c.trial().id(), outcome.code(), specimen)));
    if (requested != null) {
      basesOf.forEach(
          (c, bases) -> {
            if (!bases.contains(requested)) {
              excluded.add(
                  excluded(
                      c.known(),
                      "NO_RESULTS",
                      "The trial has no results of "
                          + outcomeOf.get(c).code()
                          + " on a "
                          + requested
                          + " basis"));
              outcomeOf.remove(c);
            }
          });
      return requested;
    }
    Set<String> all = new java.util.HashSet<>();
    basesOf.values().forEach(all::addAll);
    if (all.size() <= 1) {
      return null; // one basis, or none given, throughout: nothing to separate
    }
    List<Violation> each = new ArrayList<>();
    List<String> listed = new ArrayList<>();
    basesOf.forEach(
        (c, bases) -> {
          List<String> named =
              bases.stream().map(b -> b == null ? "unspecified" : b).sorted().toList();
          each.add(
              Violation.of(
                  "basis", c.trial().id() + " has results of its outcome on bases " + named));
          listed.add(c.trial().id() + ": " + named);
        });
    throw new ProblemException(
        ProblemType.UNPROCESSABLE,
        "The qualifying trials' results are on different stool bases ("
            + String.join("; ", listed)
            + "); values per wet and per dry mass are different quantities and are never pooled:"
            + " name one with basis=WET or basis=DRY",
        each);
  }

  private static Evidence.SubgroupAnalysis subgroups(
      String by, List<StudyEffect> effects, List<String> groups) {
    SubgroupPooling.Result result = SubgroupPooling.pool(effects, groups);
    List<Evidence.Subgroup> out = new ArrayList<>();
    for (SubgroupPooling.Subgroup s : result.subgroups()) {
      out.add(
          new Evidence.Subgroup(
              s.name(),
              s.studies().stream().map(StudyEffect::study).toList(),
              s.pooled() == null ? null : pooled(s.pooled())));
    }
    SubgroupPooling.Difference d = result.difference();
    return new Evidence.SubgroupAnalysis(
        by, out, d == null ? null : new Evidence.Difference(d.q(), d.df(), d.p()));
  }

  private static Evidence.Pooled pooled(PooledEffect p) {
    return new Evidence.Pooled(
        p.k(),
        p.estimate(),
        p.se(),
        p.ciLow(),
        p.ciHigh(),
        p.t(),
        p.df(),
        p.p(),
        p.tau2(),
        p.i2(),
        p.h2(),
        p.q(),
        p.qP(),
        p.piLow(),
        p.piHigh());
  }

  private static Evidence.Included withWeight(Evidence.Included t, double weight) {
    return new Evidence.Included(
        t.trialId(),
        t.title(),
        t.consortium(),
        t.outcome(),
        t.baselineVisit(),
        t.visit(),
        t.experimentalArm(),
        t.comparatorArm(),
        t.experimental(),
        t.comparator(),
        t.effect(),
        t.variance(),
        t.se(),
        t.ciLow(),
        t.ciHigh(),
        weight,
        t.interventionType(),
        t.adjunct(),
        t.note());
  }

  private static List<Evidence.Excluded> byTrialId(List<Evidence.Excluded> excluded) {
    return excluded.stream()
        .sorted(java.util.Comparator.comparing(Evidence.Excluded::trialId))
        .toList();
  }

  private static Evidence.Excluded excluded(KnownTrial known, String reason, String detail) {
    return new Evidence.Excluded(
        known.snapshot().id(), known.title(), known.snapshot().consortium(), reason, detail);
  }
}
