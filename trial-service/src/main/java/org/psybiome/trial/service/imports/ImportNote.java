package org.psybiome.trial.service.imports;

/**
 * One line of an import report.
 *
 * @param kind DEFAULTED (the record needed a value the source does not give: which, and why) or
 *     WARNING (something a data manager should look at)
 * @param field the record's field, as in the API (e.g. interventions[0].type)
 * @param message what was done and why
 */
public record ImportNote(Kind kind, String field, String message) {

  public enum Kind {
    DEFAULTED,
    WARNING
  }
}
