package org.psybiome.devtools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the stack uses: started if it is installed here but stopped, then given the
 * services' databases and roles by {@code deploy/postgres/create-databases.sql} (idempotent).
 */
final class LocalPostgres {

  private final StackConfig config;

  LocalPostgres(StackConfig config) {
    this.config = config;
  }

  void ensure(Console out) {
    Path psql = Processes.require("psql", "install PostgreSQL (apt-get install postgresql)");
    if (!answers()) {
      if (config.pgHost().equals("127.0.0.1")
          && Files.isDirectory(Path.of("/etc/postgresql"))
          && Processes.onPath("pg_ctlcluster").isPresent()) {
        out.say("Starting PostgreSQL ...");
        List<String> start =
            List.of("pg_ctlcluster", "--skip-systemctl-redirect", newestCluster(), "main", "start");
        if (Processes.runQuietly(start, config.log("postgres-start"), Duration.ofSeconds(60))
            != 0) {
          throw new CliException(
              "could not start PostgreSQL (see " + config.log("postgres-start") + ")");
        }
        new ReadinessPoller(Duration.ofMillis(500))
            .await(this::answers, Instant.now().plusSeconds(15), () -> true);
      }
      if (!answers()) {
        throw new CliException(
            "PostgreSQL is not answering on " + config.pgHost() + ":" + config.pgPort());
      }
    }
    Path setupLog = config.log("postgres-setup");
    int exit =
        Processes.runQuietly(
            List.of(
                psql.toString(),
                "-h",
                config.pgHost(),
                "-p",
                Integer.toString(config.pgPort()),
                "-U",
                config.pgSuperuser(),
                "-d",
                "postgres",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-v",
                "owner_password=" + config.ownerPassword(),
                "-v",
                "app_password=" + config.appPassword(),
                "-o",
                "/dev/null",
                "-f",
                config.root().resolve("deploy/postgres/create-databases.sql").toString()),
            setupLog,
            Duration.ofSeconds(60));
    if (exit != 0) {
      throw new CliException("could not create the databases (see " + setupLog + ")");
    }
  }

  private boolean answers() {
    return Processes.onPath("pg_isready").isPresent()
        && Processes.runQuietly(
                List.of(
                    "pg_isready",
                    "-q",
                    "-h",
                    config.pgHost(),
                    "-p",
                    Integer.toString(config.pgPort())),
                Path.of("/dev/null"),
                Duration.ofSeconds(10))
            == 0;
  }

  /** The highest installed major version, as {@code ls /etc/postgresql | sort -V | tail -1}. */
  private static String newestCluster() {
    try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
      return versions
          .map(p -> p.getFileName().toString())
          .max(Comparator.comparing(LocalPostgres::versionKey))
          .orElseThrow(() -> new CliException("no cluster in /etc/postgresql"));
    } catch (IOException e) {
      throw new CliException("cannot list /etc/postgresql: " + e.getMessage(), e);
    }
  }

  private static Double versionKey(String name) {
    try {
      return Double.parseDouble(name);
    } catch (NumberFormatException e) {
      return -1.0;
    }
  }
}
