package org.psybiome.common.web;

/** A service's body limits by name, read from its typed configuration. */
public interface BodyLimits {

  /**
   * The limit called {@code name}.
   *
   * @throws IllegalArgumentException when the service has no such limit (a programming error that
   *     the services' tests of their write operations catch)
   */
  Limit limit(String name);

  /** A limit: the most bytes a body may have, and the setting that says so (for the problem). */
  record Limit(String property, long bytes) {}
}
