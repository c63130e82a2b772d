package org.psybiome.biomarker.service.response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.psybiome.biomarker.model.ResponseAnalysis.Group;
import org.psybiome.biomarker.model.ResponseAnalysis.NotEvaluable;
import org.psybiome.biomarker.model.ResponseAnalysis.Outcome;
import org.psybiome.biomarker.model.ResponseAnalysis.Rate;

/**
 * What became of a group's participants: each is counted once as evaluable, not evaluable (both
 * scores, baseline not positive) or missing a score; responders among the evaluable, remitters
 * among those with a score at the visit.
 */
record GroupTally(
    int allocated,
    int evaluable,
    int missingVisit,
    int missingBaseline,
    int missingBoth,
    int baselineZero,
    int baselineNegative,
    int outOfWindow,
    int responders,
    int withVisit,
    int remitters) {

  static GroupTally of(Collection<ParticipantScores> participants, ResponseCriteria criteria) {
    int evaluable = 0;
    int missingVisit = 0;
    int missingBaseline = 0;
    int missingBoth = 0;
    int zero = 0;
    int negative = 0;
    int late = 0;
    int responders = 0;
    int withVisit = 0;
    int remitters = 0;
    for (ParticipantScores p : participants) {
      if (p.outOfWindow()) {
        late++;
      }
      if (p.atVisit() == null) {
        missingVisit++;
      } else {
        withVisit++;
        if (criteria.hasRemission() && criteria.remitter(p.atVisit())) {
          remitters++;
        }
      }
      if (p.baseline() == null) {
        missingBaseline++;
        if (p.atVisit() == null) {
          missingBoth++;
        }
      }
      if (!p.bothKnown()) {
        continue;
      }
      int sign = p.baseline().signum();
      if (sign == 0) {
        zero++;
      } else if (sign < 0) {
        negative++;
      } else {
        evaluable++;
        if (criteria.responder(p.baseline(), p.atVisit())) {
          responders++;
        }
      }
    }
    return new GroupTally(
        participants.size(),
        evaluable,
        missingVisit,
        missingBaseline,
        missingBoth,
        zero,
        negative,
        late,
        responders,
        withVisit,
        remitters);
  }

  Group group(boolean remission) {
    List<NotEvaluable> notEvaluable = new ArrayList<>();
    if (baselineZero > 0) {
      notEvaluable.add(
          new NotEvaluable(
              "BASELINE_ZERO",
              baselineZero,
              "baseline score 0: a percentage reduction from it is undefined"));
    }
    if (baselineNegative > 0) {
      notEvaluable.add(
          new NotEvaluable(
              "BASELINE_NEGATIVE",
              baselineNegative,
              "baseline score below 0: a percentage reduction from it has no meaning"));
    }
    return new Group(
        allocated,
        evaluable,
        missingVisit,
        missingBaseline,
        missingBoth,
        baselineZero + baselineNegative,
        notEvaluable,
        outOfWindow,
        new Outcome(rate(responders, evaluable), rate(responders, allocated)),
        remission ? new Outcome(rate(remitters, withVisit), rate(remitters, allocated)) : null);
  }

  static Rate rate(int events, int n) {
    if (n == 0) {
      return new Rate(events, n, null, null, null);
    }
    return new Rate(
        events,
        n,
        (double) events / n,
        BinomialIntervals.clopperPearson(events, n),
        BinomialIntervals.wilson(events, n));
  }
}
