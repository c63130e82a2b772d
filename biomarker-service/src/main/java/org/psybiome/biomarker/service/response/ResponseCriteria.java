package org.psybiome.biomarker.service.response;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.ResponseAnalysis.Definition;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * What makes a responder and a remitter. Response: a score at the visit at least {@code reduction}
 * percent below the participant's baseline score, decided in exact decimals ((baseline − score) ×
 * 100 ≥ reduction × baseline) so that a boundary case is never lost to rounding. Remission: a score
 * at the visit at or below {@code remissionMax}, the caller's or the catalogue's; none when neither
 * gives one.
 */
record ResponseCriteria(BigDecimal reduction, BigDecimal remissionMax, String remissionSource) {

  static final BigDecimal DEFAULT_REDUCTION = BigDecimal.valueOf(50);
  static final String CATALOGUE = "CATALOGUE";
  static final String REQUEST = "REQUEST";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /**
   * @param reduction the responseReduction parameter (percent), null for the default
   * @param threshold the remissionThreshold parameter, null for the catalogue's default
   * @param catalogue the scale's default remission threshold, if the catalogue has one
   */
  static ResponseCriteria of(String reduction, String threshold, Optional<BigDecimal> catalogue) {
    BigDecimal percent =
        reduction == null ? DEFAULT_REDUCTION : number("responseReduction", reduction);
    if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
      throw invalid("responseReduction", "must be a percentage above 0 and at most 100");
    }
    if (threshold != null) {
      return new ResponseCriteria(percent, number("remissionThreshold", threshold), REQUEST);
    }
    return catalogue
        .map(max -> new ResponseCriteria(percent, max, CATALOGUE))
        .orElseGet(() -> new ResponseCriteria(percent, null, null));
  }

  boolean hasRemission() {
    return remissionMax != null;
  }

  /** Only for a positive baseline: with baseline 0 the reduction is undefined. */
  boolean responder(BigDecimal baseline, BigDecimal score) {
    return baseline.subtract(score).multiply(HUNDRED).compareTo(reduction.multiply(baseline)) >= 0;
  }

  boolean remitter(BigDecimal score) {
    return score.compareTo(remissionMax) <= 0;
  }

  Definition definition(String scale, String visit, String baselineVisit) {
    String response =
        "a "
            + scale
            + " score at "
            + visit
            + " at least "
            + reduction.toPlainString()
            + "% below the participant's score at the baseline visit "
            + baselineVisit
            + " ((baseline − score) / baseline ≥ "
            + reduction.toPlainString()
            + "/100); with a baseline score of 0 the reduction is undefined and the participant"
            + " is not evaluable";
    if (!hasRemission()) {
      return new Definition(
          reduction,
          response,
          null,
          null,
          null,
          "the catalogue has no default remission threshold for "
              + scale
              + " and the request named none (remissionThreshold)");
    }
    String remission =
        "a "
            + scale
            + " score at "
            + visit
            + " ≤ "
            + remissionMax.toPlainString()
            + (CATALOGUE.equals(remissionSource)
                ? " (the scale's default in the catalogue)"
                : " (the request's remissionThreshold)");
    return new Definition(reduction, response, remissionMax, remissionSource, remission, null);
  }

  private static BigDecimal number(String parameter, String text) {
    try {
      return new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw invalid(parameter, "must be a decimal number");
    }
  }

  private static ProblemException invalid(String parameter, String message) {
    return ProblemException.invalid(
        parameter + " " + message, List.of(Violation.of(parameter, message)));
  }
}
