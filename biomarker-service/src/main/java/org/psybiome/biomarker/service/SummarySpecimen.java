package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * The specimen a summary is about. Values of one analyte in two specimens are different quantities
 * (serum BDNF is many times plasma BDNF), so a summary never pools them: a trial with results of
 * the analyte in more than one specimen must be asked for one, rather than be answered with one
 * summary per specimen, which would change what a summary is.
 */
@ApplicationScoped
public class SummarySpecimen {

  static final String PARAMETER = "specimen";

  private final CurrentResultStore results;

  SummarySpecimen(CurrentResultStore results) {
    this.results = results;
  }

  /**
   * The specimen {@code requested} names (case-insensitive), null when none is; a 400 problem when
   * it names none there is, checked before anything about the trial is looked at.
   */
  public static Specimen requireKnown(String requested) {
    if (requested == null) {
      return null;
    }
    try {
      return Specimen.valueOf(requested.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw invalid(
          "Unknown specimen " + requested, "must be one of " + Arrays.toString(Specimen.values()));
    }
  }

  /**
   * The requested specimen, which the analyte must allow; without one, the only specimen of the
   * trial's results of the analyte (at any visit: a change from baseline must not mix them either),
   * or null when there are none. Several → 400 naming them.
   */
  public Specimen choose(String trialId, Analyte analyte, String requested) {
    if (requested != null) {
      Specimen specimen = requireKnown(requested);
      if (!analyte.allows(specimen)) {
        throw invalid(
            analyte.code() + " is not measured in " + specimen,
            "must be one of " + analyte.specimens());
      }
      return specimen;
    }
    List<Specimen> found = results.specimens(trialId, analyte.code());
    if (found.size() > 1) {
      throw invalid(
          "Trial "
              + trialId
              + " has results of "
              + analyte.code()
              + " in "
              + found
              + "; a summary never pools specimens, so name one with specimen=",
          "is required: the results are of " + found);
    }
    return found.isEmpty() ? null : found.get(0);
  }

  private static ProblemException invalid(String detail, String message) {
    return ProblemException.invalid(detail, List.of(Violation.of(PARAMETER, message)));
  }
}
