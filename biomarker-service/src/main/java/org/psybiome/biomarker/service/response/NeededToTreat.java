package org.psybiome.biomarker.service.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.psybiome.biomarker.model.ResponseAnalysis.NntLimit;
import org.psybiome.biomarker.model.ResponseAnalysis.NumberNeededToTreat;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskDifference;

/**
 * The number needed to treat from a risk difference (arm − comparator, responders being the good
 * outcome), as Altman (BMJ 1998;317:1309) reports it: 1/|RD|, NNT(benefit) when RD > 0 and
 * NNT(harm) when RD < 0; the interval is the RD interval's limits inverted, and when that interval
 * contains 0 it runs from NNT(harm) 1/|lower| through infinity to NNT(benefit) 1/upper.
 */
final class NeededToTreat {

  static final String BENEFIT = "BENEFIT";
  static final String HARM = "HARM";
  static final String NONE = "NONE";

  private NeededToTreat() {}

  static NumberNeededToTreat of(RiskDifference rd) {
    if (rd.estimate() == null) {
      return new NumberNeededToTreat(
          null, NONE, null, null, null, null, "the risk difference is not estimable");
    }
    NntLimit point = limit(rd.estimate());
    NntLimit fromLow = limit(rd.ciLow());
    NntLimit fromHigh = limit(rd.ciHigh());
    boolean throughInfinity = rd.ciLow() <= 0 && rd.ciHigh() >= 0;
    String ci;
    if (throughInfinity) {
      List<String> parts = new ArrayList<>();
      if (rd.ciLow() < 0) {
        parts.add(words(fromLow));
      }
      parts.add("∞");
      if (rd.ciHigh() > 0) {
        parts.add(words(fromHigh));
      }
      ci = String.join(" to ", parts);
    } else if (rd.ciLow() > 0) {
      // the larger difference needs fewer participants: the upper limit gives the lower NNT
      ci = number(fromHigh.value()) + " to " + number(fromLow.value());
    } else {
      ci = number(fromLow.value()) + " to " + number(fromHigh.value());
    }
    String statement = words(point) + " (95% CI " + ci + ")";
    return new NumberNeededToTreat(
        point.value(), point.direction(), fromLow, fromHigh, throughInfinity, statement, null);
  }

  private static NntLimit limit(double difference) {
    if (difference == 0) {
      return new NntLimit(NONE, null);
    }
    return new NntLimit(difference > 0 ? BENEFIT : HARM, 1 / Math.abs(difference));
  }

  private static String words(NntLimit limit) {
    return switch (limit.direction()) {
      case BENEFIT -> "NNT(benefit) " + number(limit.value());
      case HARM -> "NNT(harm) " + number(limit.value());
      default -> "NNT ∞";
    };
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
