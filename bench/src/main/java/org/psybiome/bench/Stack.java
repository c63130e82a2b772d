package org.psybiome.bench;

import java.net.URI;
import java.nio.file.Path;

/**
 * Where the running stack is: the gateway and each service (direct, for baselines and set-up that
 * must not be rate limited), the state directory of {@code ./psybiome up} (pids, logs, keys) and
 * the two databases, reached as their owner roles.
 */
record Stack(
    URI gateway,
    URI trialService,
    URI biomarkerService,
    Path state,
    String jdbcBase,
    String ownerPassword) {

  static Stack local(Path state) {
    return new Stack(
        URI.create("http://127.0.0.1:8080"),
        URI.create("http://127.0.0.1:8081"),
        URI.create("http://127.0.0.1:8082"),
        state,
        "jdbc:postgresql://"
            + env("PSYBIOME_PG_HOST", "127.0.0.1")
            + ":"
            + env("PSYBIOME_PG_PORT", "5432")
            + "/",
        env("PSYBIOME_DB_OWNER_PASSWORD", "psybiome-local-owner"));
  }

  Path keys() {
    return state.resolve("keys");
  }

  Path pidFile(String service) {
    return state.resolve("pids").resolve(service + ".pid");
  }

  Path logFile(String service) {
    return state.resolve("logs").resolve(service + ".log");
  }

  URI serviceUri(String service) {
    return switch (service) {
      case "gateway" -> gateway;
      case "trial-service" -> trialService;
      case "biomarker-service" -> biomarkerService;
      default -> throw new IllegalArgumentException(service);
    };
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
