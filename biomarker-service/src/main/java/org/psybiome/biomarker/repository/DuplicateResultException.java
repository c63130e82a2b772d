package org.psybiome.biomarker.repository;

/**
 * A result for a sample and analyte that is stored already: another batch stored it between the
 * check and the insert (the unique index caught what the check could not).
 */
public class DuplicateResultException extends RuntimeException {

  DuplicateResultException(Throwable cause) {
    super("A result of one of these samples and analytes is stored already", cause);
  }
}
