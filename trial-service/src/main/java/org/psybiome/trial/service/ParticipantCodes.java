package org.psybiome.trial.service;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Participants are enrolled under pseudonymous codes only. A code that looks like personal data —
 * an e-mail address, a date (of birth), a phone or national id number, a name with spaces — is
 * refused before it is stored anywhere.
 */
final class ParticipantCodes {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,31}");
  private static final Pattern DATE =
      Pattern.compile(
          ".*(19|20)\\d{2}[-_]?(0[1-9]|1[0-2])[-_]?(0[1-9]|[12]\\d|3[01]).*|"
              + ".*(0[1-9]|[12]\\d|3[01])[-_]?(0[1-9]|1[0-2])[-_]?(19|20)\\d{2}.*");
  private static final Pattern LONG_NUMBER = Pattern.compile(".*\\d{9,}.*");

  private ParticipantCodes() {}

  /** Why {@code code} cannot be a participant code, or empty when it can. */
  static Optional<String> problem(String code) {
    if (code.contains("@")) {
      return Optional.of("looks like an e-mail address; use a pseudonymous code");
    }
    if (code.contains(" ")) {
      return Optional.of("contains spaces, like a name; use a pseudonymous code");
    }
    if (!SHAPE.matcher(code).matches()) {
      return Optional.of("must be 3 to 32 letters, digits, '-' or '_'");
    }
    if (DATE.matcher(code).matches()) {
      return Optional.of("contains a date, possibly a birth date; use a pseudonymous code");
    }
    if (LONG_NUMBER.matcher(code).matches()) {
      return Optional.of(
          "contains a long number, like a phone or national id; use a pseudonymous code");
    }
    return Optional.empty();
  }
}
