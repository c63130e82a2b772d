package org.psybiome.testsupport;

import org.testcontainers.DockerClientFactory;

/** Whether a Docker engine answers; asked once per test JVM (about half a second without one). */
final class Docker {

  private static Boolean available;

  private Docker() {}

  /** Skips Testcontainers' probe (and its alarming log) when nothing points at an engine. */
  private static boolean mayHaveEngine() {
    return System.getenv("DOCKER_HOST") != null
        || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
        || java.nio.file.Files.exists(
            java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
        || java.nio.file.Files.exists(
            java.nio.file.Path.of(
                System.getProperty("user.home"), ".docker", "run", "docker.sock"));
  }

  static synchronized boolean available() {
    if (available == null) {
      boolean disabled = Env.setting("psybiome.test.docker").map("false"::equals).orElse(false);
      try {
        available =
            !disabled && mayHaveEngine() && DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException | LinkageError e) {
        available = false;
      }
    }
    return available;
  }
}
