package org.psybiome.biomarker.service.response;

import org.psybiome.biomarker.model.ResponseAnalysis.Comparison;
import org.psybiome.biomarker.model.ResponseAnalysis.Effects;
import org.psybiome.biomarker.model.ResponseAnalysis.OutcomeComparison;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskDifference;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskRatio;

/** An arm's response and remission compared with the comparator's, in both populations. */
final class ArmEffects {

  private ArmEffects() {}

  static Comparison compare(
      String arm, GroupTally a, String comparator, GroupTally c, boolean remission) {
    OutcomeComparison response =
        new OutcomeComparison(
            effects(arm, a.responders(), a.evaluable(), comparator, c.responders(), c.evaluable()),
            effects(arm, a.responders(), a.allocated(), comparator, c.responders(), c.allocated()));
    OutcomeComparison remitted =
        remission
            ? new OutcomeComparison(
                effects(
                    arm, a.remitters(), a.withVisit(), comparator, c.remitters(), c.withVisit()),
                effects(
                    arm, a.remitters(), a.allocated(), comparator, c.remitters(), c.allocated()))
            : null;
    return new Comparison(arm, comparator, response, remitted);
  }

  static Effects effects(String arm, int events1, int n1, String comparator, int events2, int n2) {
    if (n1 == 0 || n2 == 0) {
      String reason = "no participant in the denominator of arm " + (n1 == 0 ? arm : comparator);
      RiskDifference rd =
          new RiskDifference(null, null, null, TwoProportions.NEWCOMBE, null, null, reason);
      return new Effects(rd, TwoProportions.notEstimable(reason), NeededToTreat.of(rd));
    }
    RiskDifference rd = TwoProportions.riskDifference(events1, n1, events2, n2);
    RiskRatio rr = TwoProportions.riskRatio(events1, n1, events2, n2);
    return new Effects(rd, rr, NeededToTreat.of(rd));
  }
}
