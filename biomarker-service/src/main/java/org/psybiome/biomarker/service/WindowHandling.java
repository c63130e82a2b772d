package org.psybiome.biomarker.service;

import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * What a summary does with a participant's latest result when it was collected outside the visit's
 * window ({@link VisitWindow}), as the caller declares it. EXCLUDE (the default): the participant
 * counts in nOutOfWindow only. INCLUDE: the result is used as if on schedule, and the participant
 * counts in nOutOfWindow as well.
 */
public enum WindowHandling {
  EXCLUDE("exclude"),
  INCLUDE("include");

  private final String parameter;

  WindowHandling(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  public static WindowHandling of(String parameter) {
    for (WindowHandling handling : values()) {
      if (handling.parameter.equals(parameter)) {
        return handling;
      }
    }
    throw ProblemException.invalid(
        "window must be exclude or include",
        List.of(Violation.of("window", "must be exclude or include")));
  }
}
