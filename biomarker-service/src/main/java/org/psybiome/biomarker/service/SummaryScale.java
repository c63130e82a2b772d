package org.psybiome.biomarker.service;

import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * The scale a summary's values are on. RAW: the standard values. CLR: for a genus relative
 * abundance, the centred log-ratio of the taxon within each sample's full genus profile
 * (service.derived.CentredLogRatio), compositional data being summarised on log-ratios rather than
 * as percentages that must sum to 100.
 */
public enum SummaryScale {
  RAW("raw"),
  CLR("clr");

  private final String parameter;

  SummaryScale(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static SummaryScale of(String parameter) {
    for (SummaryScale scale : values()) {
      if (scale.parameter.equals(parameter)) {
        return scale;
      }
    }
    throw ProblemException.invalid(
        "scale must be raw or clr", List.of(Violation.of("scale", "must be raw or clr")));
  }
}
