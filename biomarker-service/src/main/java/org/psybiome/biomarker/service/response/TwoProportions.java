package org.psybiome.biomarker.service.response;

import org.psybiome.biomarker.model.ResponseAnalysis.Interval;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskDifference;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskRatio;

/**
 * An arm's proportion (events1 of n1) compared with the comparator's (events2 of n2), each n at
 * least 1: the risk difference with Newcombe's hybrid score interval (and Wald's beside it) and the
 * risk ratio with the log interval.
 */
final class TwoProportions {

  static final String NEWCOMBE = "NEWCOMBE_HYBRID_SCORE";
  static final String LOG = "LOG";
  static final String LOG_HALF_ADJUSTED = "LOG_HALF_ADJUSTED";

  private TwoProportions() {}

  static RiskDifference riskDifference(int events1, int n1, int events2, int n2) {
    double p1 = (double) events1 / n1;
    double p2 = (double) events2 / n2;
    Interval newcombe = newcombe(events1, n1, events2, n2);
    Interval wald = wald(events1, n1, events2, n2);
    return new RiskDifference(
        p1 - p2, newcombe.low(), newcombe.high(), NEWCOMBE, wald.low(), wald.high(), null);
  }

  /**
   * Newcombe (1998), method 10: the distances from each proportion to its Wilson limits combined;
   * keeps within [−1, 1] and behaves at 0 and n events, where Wald's collapses.
   */
  static Interval newcombe(int events1, int n1, int events2, int n2) {
    double p1 = (double) events1 / n1;
    double p2 = (double) events2 / n2;
    Interval w1 = BinomialIntervals.wilson(events1, n1);
    Interval w2 = BinomialIntervals.wilson(events2, n2);
    double difference = p1 - p2;
    double below = Math.sqrt(square(p1 - w1.low()) + square(w2.high() - p2));
    double above = Math.sqrt(square(p2 - w2.low()) + square(w1.high() - p1));
    return new Interval(difference - below, difference + above);
  }

  static Interval wald(int events1, int n1, int events2, int n2) {
    double p1 = (double) events1 / n1;
    double p2 = (double) events2 / n2;
    double half = BinomialIntervals.Z * Math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2);
    return new Interval(p1 - p2 - half, p1 - p2 + half);
  }

  /**
   * The log method: ln(p1/p2) ± z·√(1/e1 − 1/n1 + 1/e2 − 1/n2). With no event in one group the
   * variance is undefined: then 0.5 is added to each count and each n, for the estimate and the
   * interval alike (so the estimate lies inside its interval). With no event in either group, or
   * every participant of both groups an event (variance 0), the ratio is not estimable.
   */
  static RiskRatio riskRatio(int events1, int n1, int events2, int n2) {
    if (events1 == 0 && events2 == 0) {
      return notEstimable("no responder in either group: the ratio is 0/0");
    }
    if (events1 == n1 && events2 == n2) {
      return notEstimable(
          "every participant of both groups is a responder: the log method's variance is 0");
    }
    boolean adjusted = events1 == 0 || events2 == 0;
    double add = adjusted ? 0.5 : 0;
    double e1 = events1 + add;
    double e2 = events2 + add;
    double m1 = n1 + add;
    double m2 = n2 + add;
    double ratio = (e1 / m1) / (e2 / m2);
    double half = BinomialIntervals.Z * Math.sqrt(1 / e1 - 1 / m1 + 1 / e2 - 1 / m2);
    return new RiskRatio(
        ratio,
        Math.exp(Math.log(ratio) - half),
        Math.exp(Math.log(ratio) + half),
        adjusted ? LOG_HALF_ADJUSTED : LOG,
        null);
  }

  static RiskRatio notEstimable(String reason) {
    return new RiskRatio(null, null, null, LOG, reason);
  }

  private static double square(double x) {
    return x * x;
  }
}
