package org.psybiome.testsupport;

import java.util.Optional;

/** Reads a test setting from a system property, else the matching environment variable. */
final class Env {

  private Env() {}

  /** {@code psybiome.test.postgres.url} ← {@code PSYBIOME_TEST_POSTGRES_URL}. */
  static Optional<String> setting(String property) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(property.toUpperCase().replace('.', '_'));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
