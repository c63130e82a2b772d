package org.psybiome.biomarker.service.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/**
 * Collects every error of a batch, so that one 422 lists them all and the lab fixes its file once
 * rather than once per error. The listing is capped; a 100 000-row file with a wrong unit column
 * would otherwise produce a response larger than the file.
 */
final class RowErrors {

  private final List<Violation> violations = new ArrayList<>();

  void add(int row, String field, String message) {
    violations.add(Violation.atRow(row, field, message));
  }

  /** An error of the batch as a whole (a CSV header), with no row. */
  void addGeneral(String field, String message) {
    violations.add(Violation.of(field, message));
  }

  boolean isEmpty() {
    return violations.isEmpty();
  }

  /** Throws the 422 problem listing at most {@code limit} violations, if there are any. */
  void throwIfAny(int limit) {
    if (violations.isEmpty()) {
      return;
    }
    List<Violation> sorted =
        violations.stream()
            .sorted(
                Comparator.comparing((Violation v) -> v.row() == null ? 0 : v.row())
                    .thenComparing(v -> v.field() == null ? "" : v.field()))
            .toList();
    long rows = sorted.stream().map(Violation::row).filter(r -> r != null).distinct().count();
    String detail =
        String.format(
            "The batch was not stored: %d violation%s in %d row%s",
            sorted.size(), sorted.size() == 1 ? "" : "s", rows, rows == 1 ? "" : "s");
    if (sorted.size() > limit) {
      detail +=
          String.format("; the first %d are listed, %d more are not", limit, sorted.size() - limit);
      sorted = sorted.subList(0, limit);
    }
    throw new ProblemException(ProblemType.UNPROCESSABLE, detail, sorted);
  }
}
