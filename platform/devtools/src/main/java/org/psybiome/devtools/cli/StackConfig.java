package org.psybiome.devtools.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack keeps its state and which ports and credentials it uses: the repository
 * root, and the PSYBIOME_* environment variables with their defaults (an empty variable counts as
 * unset, as {@code ${VAR:-default}} does in a shell).
 */
public record StackConfig(
    Path root,
    Path state,
    String pgHost,
    int pgPort,
    String pgSuperuser,
    String ownerPassword,
    String appPassword,
    int kafkaPort,
    int kafkaControllerPort,
    Duration readyTimeout,
    List<String> serviceJavaOptions,
    int drillPgPort) {

  /**
   * Local-only credentials (the local server trusts 127.0.0.1 anyway); set them for anything
   * shared.
   */
  static final String LOCAL_OWNER_PASSWORD = "psybiome-local-owner";

  static final String LOCAL_APP_PASSWORD = "psybiome-local-app";

  public static StackConfig from(Path root, Map<String, String> env) {
    Env e = new Env(env);
    return new StackConfig(
        root,
        Path.of(e.get("PSYBIOME_HOME", root.resolve(".psybiome").toString())),
        e.get("PSYBIOME_PG_HOST", "127.0.0.1"),
        e.integer("PSYBIOME_PG_PORT", 5432),
        e.get("PSYBIOME_PG_SUPERUSER", "postgres"),
        e.get("PSYBIOME_DB_OWNER_PASSWORD", LOCAL_OWNER_PASSWORD),
        e.get("PSYBIOME_DB_APP_PASSWORD", LOCAL_APP_PASSWORD),
        e.integer("PSYBIOME_KAFKA_PORT", 9092),
        e.integer("PSYBIOME_KAFKA_CONTROLLER_PORT", 9093),
        Duration.ofSeconds(e.integer("PSYBIOME_READY_TIMEOUT", 120)),
        // split on blanks as the shell split the unquoted variable
        Arrays.asList(e.get("PSYBIOME_JAVA_OPTS", "-Xmx256m").trim().split("\\s+")),
        e.integer("PSYBIOME_DRILL_PG_PORT", 55432));
  }

  Path logs() {
    return state.resolve("logs");
  }

  Path pids() {
    return state.resolve("pids");
  }

  Path keys() {
    return state.resolve("keys");
  }

  Path kafkaDir() {
    return state.resolve("kafka");
  }

  Path drillDir() {
    return state.resolve("drills");
  }

  /** The broker jars (target/lib) and config templates that platform/kafka-broker collects. */
  Path kafkaHome() {
    return root.resolve("platform/kafka-broker");
  }

  Path log(String process) {
    return logs().resolve(process + ".log");
  }

  private record Env(Map<String, String> values) {
    String get(String name, String fallback) {
      String value = values.get(name);
      return value == null || value.isEmpty() ? fallback : value;
    }

    int integer(String name, int fallback) {
      String value = get(name, null);
      if (value == null) {
        return fallback;
      }
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException ex) {
        throw new CliException(name + " must be a number, not '" + value + "'");
      }
    }
  }
}
