package org.psybiome.biomarker.service;

import java.util.List;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * What a summary does with a participant's latest result when it is censored, as the caller
 * declares it. EXCLUDE (the default, and the only behaviour before): the participant counts in
 * nCensored only. LLOQ_SQRT2: a result below the lower limit of quantification ({@code <}) enters
 * as limit/√2 (a common single substitution, stated rather than hidden); one above the upper limit
 * ({@code >}) is still excluded, as no such rule is declared for it.
 */
public enum CensoredHandling {
  EXCLUDE("exclude"),
  LLOQ_SQRT2("lloq-sqrt2");

  private final String parameter;

  CensoredHandling(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static CensoredHandling of(String parameter) {
    for (CensoredHandling handling : values()) {
      if (handling.parameter.equals(parameter)) {
        return handling;
      }
    }
    throw ProblemException.invalid(
        "censored must be exclude or lloq-sqrt2",
        List.of(Violation.of("censored", "must be exclude or lloq-sqrt2")));
  }

  /** The participant's value at that visit, or null when there is none to use. */
  Summaries.Value value(ParticipantValue v) {
    if (v.latest() == null) {
      return null;
    }
    if (!v.latestCensored()) {
      return new Summaries.Value(v.latest().doubleValue(), v.latestWarn(), false);
    }
    if (this == LLOQ_SQRT2 && "<".equals(v.latestComparator())) {
      return new Summaries.Value(v.latest().doubleValue() / Math.sqrt(2), v.latestWarn(), true);
    }
    return null;
  }
}
