package org.psybiome.trial.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * Parses typed query parameters here rather than in JAX-RS, which answers a value it cannot convert
 * with 404 — a client's typo deserves a 400 that names the parameter.
 */
final class QueryParams {

  private QueryParams() {}

  static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be a date like 2026-03-01");
    }
  }

  static <E extends Enum<E>> List<E> enums(String name, List<String> values, Class<E> type) {
    if (values == null) {
      return List.of();
    }
    return values.stream()
        .flatMap(v -> Arrays.stream(v.split(",")))
        .map(String::trim)
        .filter(v -> !v.isEmpty())
        .map(
            v -> {
              try {
                return Enum.valueOf(type, v);
              } catch (IllegalArgumentException e) {
                throw invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
              }
            })
        .toList();
  }

  /**
   * {@code value} as one of {@code allowed} (which are upper case), ignoring case; null when blank.
   * A value that is none of them would silently match nothing; it is a 400 that lists them.
   */
  static String oneOf(String name, String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    if (!allowed.contains(upper)) {
      throw invalid(name, "must be one of " + allowed);
    }
    return upper;
  }

  private static ProblemException invalid(String name, String message) {
    return ProblemException.invalid(
        "Query parameter '" + name + "' " + message, List.of(Violation.of(name, message)));
  }
}
