package org.psybiome.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; asked once per test JVM (about half a second without one). */
final class Docker {

  private static Boolean available;

  private Docker() {}

  static synchronized boolean available() {
    if (available == null) {
      boolean disabled = Env.setting("psybiome.test.docker").map("false"::equals).orElse(false);
      try {
        available = !disabled && DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        available = false;
      }
    }
    return available;
  }
}
