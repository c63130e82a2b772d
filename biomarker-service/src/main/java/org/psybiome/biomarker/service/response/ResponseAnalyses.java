package org.psybiome.biomarker.service.response;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.ResponseAnalysis;
import org.psybiome.biomarker.model.TrialArm;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.biomarker.service.ComparatorArm;
import org.psybiome.biomarker.service.ResultAccess;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.VisitWindow;
import org.psybiome.biomarker.service.WindowHandling;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;

/**
 * Response and remission on a rating scale at a visit, with the summaries' rules: each
 * participant's latest score per visit (QC FAIL skipped; a censored one is no score), a latest
 * score outside its visit's window unused with window=exclude (an earlier one does not stand in for
 * it), the trial's baseline visit, arms by stable code (the arm of the visit's period in a
 * crossover trial) and the comparator arm as summaries choose it. Per-arm figures reveal the
 * allocation: while the trial is blinded to the caller ({@link ResultAccess#canSeeArms}) the answer
 * is pooled only.
 */
@ApplicationScoped
public class ResponseAnalyses {

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;
  private final AnalyteService analytes;

  ResponseAnalyses(CurrentResultStore results, TrialSnapshots snapshots, AnalyteService analytes) {
    this.results = results;
    this.snapshots = snapshots;
    this.analytes = analytes;
  }

  public ResponseAnalysis analyse(
      Caller caller,
      String trialId,
      String scaleCode,
      String visitCode,
      String responseReduction,
      String remissionThreshold,
      String windowParameter) {
    TrialSnapshot trial =
        snapshots
            .trial(trialId)
            .filter(t -> ResultAccess.canReadAggregates(t, caller))
            .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    Analyte scale = scale(scaleCode);
    TrialVisit visit = visit(trial, visitCode);
    TrialVisit baseline =
        trial
            .baselineVisit()
            .orElseThrow(
                () ->
                    invalid(
                        "Trial " + trialId + " has no baseline visit to measure a reduction from",
                        "visit",
                        "the trial has no baseline visit"));
    if (baseline.code().equals(visit.code())) {
      throw invalid(
          visit.code() + " is the trial's baseline visit: there is no reduction to assess",
          "visit",
          "must be a visit after baseline");
    }
    ResponseCriteria criteria =
        ResponseCriteria.of(
            responseReduction, remissionThreshold, analytes.remissionMax(scale.code()));
    WindowHandling window = WindowHandling.of(windowParameter);

    Map<String, ParticipantScores> scores = scores(trial, scale, visit, baseline, window);
    boolean remission = criteria.hasRemission();
    GroupTally pooled = GroupTally.of(scores.values(), criteria);
    ResponseAnalysis.Definition definition =
        criteria.definition(scale.code(), visit.code(), baseline.code());
    if (!ResultAccess.canSeeArms(trial, caller)) {
      return new ResponseAnalysis(
          trialId,
          scale.code(),
          visit.code(),
          baseline.code(),
          definition,
          window.parameter(),
          false,
          pooled.group(remission),
          null,
          null,
          null,
          null,
          null);
    }
    Map<String, String> allocation = snapshots.allocations(trialId, visit.period());
    Map<String, GroupTally> byArm = new HashMap<>();
    List<ResponseAnalysis.Arm> arms = new ArrayList<>();
    for (TrialArm arm : trial.arms()) {
      List<ParticipantScores> members =
          scores.entrySet().stream()
              .filter(e -> arm.code().equals(allocation.get(e.getKey())))
              .map(Map.Entry::getValue)
              .toList();
      GroupTally tally = GroupTally.of(members, criteria);
      byArm.put(arm.code(), tally);
      arms.add(
          new ResponseAnalysis.Arm(arm.code(), arm.label(), arm.type(), tally.group(remission)));
    }
    ComparatorArm comparator = ComparatorArm.of(trial);
    List<ResponseAnalysis.Comparison> comparisons = new ArrayList<>();
    if (comparator.arm() != null) {
      String reference = comparator.arm().code();
      for (TrialArm arm : trial.arms()) {
        if (!arm.code().equals(reference)) {
          comparisons.add(
              ArmEffects.compare(
                  arm.code(), byArm.get(arm.code()), reference, byArm.get(reference), remission));
        }
      }
    }
    return new ResponseAnalysis(
        trialId,
        scale.code(),
        visit.code(),
        baseline.code(),
        definition,
        window.parameter(),
        true,
        pooled.group(remission),
        arms,
        comparator.optional().map(TrialArm::code).orElse(null),
        comparator.rule(),
        comparator.noComparisonReason(),
        comparisons);
  }

  /** Every enrolled participant's usable scores at baseline and at the visit. */
  private Map<String, ParticipantScores> scores(
      TrialSnapshot trial,
      Analyte scale,
      TrialVisit visit,
      TrialVisit baseline,
      WindowHandling window) {
    Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trial.id());
    Map<String, ParticipantScores> scores = new HashMap<>();
    enrolled.keySet().forEach(p -> scores.put(p, ParticipantScores.NONE));
    List<ParticipantValue> values =
        results.participantValues(
            trial.id(), scale.code(), Set.of(visit.code(), baseline.code()), null);
    for (ParticipantValue v : values) {
      ParticipantScores known = scores.get(v.participant());
      if (known == null || v.latest() == null) {
        continue; // not a participant of the trial's record (yet), or every result failed QC
      }
      boolean atVisit = v.visit().equals(visit.code());
      boolean late =
          VisitWindow.outOfWindow(
              atVisit ? visit : baseline, enrolled.get(v.participant()), v.latestCollectedAt());
      if (late && atVisit) {
        known = known.late();
      }
      if (!(late && window == WindowHandling.EXCLUDE) && !v.latestCensored()) {
        known = atVisit ? known.withVisit(v.latest()) : known.withBaseline(v.latest());
      }
      scores.put(v.participant(), known);
    }
    return scores;
  }

  private Analyte scale(String code) {
    if (code == null) {
      throw invalid("scale is required", "scale", "is required");
    }
    Analyte analyte =
        analytes
            .find(code)
            .orElseThrow(
                () -> invalid("No analyte " + code + " in the catalogue", "scale", "is unknown"));
    if (analyte.layer() != OmicsLayer.CLINICAL_SCALE) {
      throw invalid(
          code + " is not a rating scale (its layer is " + analyte.layer() + ")",
          "scale",
          "must be an analyte of layer CLINICAL_SCALE");
    }
    if (!analytes.severityScale(code)) {
      throw invalid(
          code
              + " is not a severity scale (higher scores worse): response as a reduction from"
              + " baseline does not apply to it",
          "scale",
          "must be a severity scale such as HAMD17, MADRS, PHQ9 or GAD7");
    }
    return analyte;
  }

  private static TrialVisit visit(TrialSnapshot trial, String code) {
    if (code == null) {
      throw invalid("visit is required", "visit", "is required");
    }
    return trial
        .visit(code)
        .orElseThrow(
            () ->
                invalid(
                    "Trial " + trial.id() + " has no visit " + code,
                    "visit",
                    "must be one of " + trial.visits().stream().map(TrialVisit::code).toList()));
  }

  private static ProblemException invalid(String detail, String field, String message) {
    return ProblemException.invalid(detail, List.of(Violation.of(field, message)));
  }
}
