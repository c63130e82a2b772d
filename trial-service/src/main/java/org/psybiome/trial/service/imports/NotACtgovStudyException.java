package org.psybiome.trial.service.imports;

import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/**
 * The document is not a ClinicalTrials.gov API v2 study record of a trial: not a JSON object, or
 * without the identification and status a study always has, or an expanded access record. Each
 * violation names the JSON pointer of what is wrong.
 */
public class NotACtgovStudyException extends ProblemException {

  public NotACtgovStudyException(List<Violation> violations) {
    super(
        ProblemType.UNPROCESSABLE,
        "The document is not a ClinicalTrials.gov study record of a trial",
        violations);
  }
}
