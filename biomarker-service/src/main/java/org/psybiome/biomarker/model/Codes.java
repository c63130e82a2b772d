package org.psybiome.biomarker.model;

/** The format of analyte and panel codes: upper case, as trial schedules refer to them. */
public final class Codes {

  public static final String PATTERN = "[A-Z][A-Z0-9_]{0,31}";
  public static final String MESSAGE =
      "must be an upper-case code of letters, digits and _ (at most 32), starting with a letter";

  private Codes() {}

  public static boolean isValid(String code) {
    return code != null && code.matches(PATTERN);
  }
}
