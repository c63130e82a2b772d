package org.psybiome.devtools.cli;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs the fault drills of system-tests (RELIABILITY.md) on a stack of their own: a PostgreSQL
 * cluster in {@code .psybiome/drills/} that drill 3 may restart, and the broker and services the
 * drills start on free ports. The stack of {@code up} is not touched.
 */
@Command(
    name = "drills",
    description = {
      "Run the fault drills (RELIABILITY.md) on a stack of their own: own PostgreSQL cluster"
          + " (restarted by drill 3), Kafka broker and services on free ports; the stack of `up`"
          + " is not touched."
    })
final class DrillsCommand implements Callable<Integer> {

  @ParentCommand PsybiomeCli cli;

  static final String ALL = "*Drill";

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      defaultValue = ALL,
      description = "which drills (a failsafe it.test pattern; default: ${DEFAULT-VALUE})")
  String only;

  @Override
  public Integer call() throws Exception {
    StackConfig config = cli.config();
    Console out = new Console(spec.commandLine().getOut());
    Processes.createDirectories(config.logs(), config.pids());
    String pgCtl = startPostgres(config, out);
    try {
      out.say(
          "Running the fault drills ("
              + only
              + "); figures go to system-tests/target/drills/results.txt ...");
      String restart = pgCtl + " -m fast restart";
      if (isRoot()) {
        restart = "runuser -u postgres -- sh -c \"" + restart + "\"";
      }
      return Processes.runInForeground(
          Maven.command(config.root(), mavenArgs(only)),
          Map.of(
              "PSYBIOME_TEST_POSTGRES_URL",
              "jdbc:postgresql://127.0.0.1:" + config.drillPgPort() + "/postgres",
              "PSYBIOME_TEST_POSTGRES_USER",
              "postgres",
              "PSYBIOME_DRILL_PG_RESTART",
              restart),
          config.root());
    } finally {
      Processes.runQuietly(
          asPgOwner(List.of("sh", "-c", pgCtl + " -m fast stop")),
          Path.of("/dev/null"),
          Duration.ofSeconds(60));
    }
  }

  /** The drills profile selects the drills and skips every other test; a name narrows it. */
  static List<String> mavenArgs(String only) {
    List<String> args = new ArrayList<>(List.of("-B", "verify", "-pl", "system-tests", "-am"));
    if (!ALL.equals(only)) {
      args.add("-Dit.test=" + only);
    }
    args.add("-Pdrills");
    return args;
  }

  /** Starts (creating it on first use) the drills' own cluster; returns its pg_ctl command. */
  private String startPostgres(StackConfig config, Console out) throws IOException {
    Path bin = postgresBin();
    Path dir = config.drillDir();
    Path data = dir.resolve("pgdata");
    Files.createDirectories(dir);
    if (isRoot()) {
      // PostgreSQL refuses to run as root: on a root shell the drill cluster belongs to postgres.
      Files.setOwner(
          dir,
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
      Set<PosixFilePermission> state = Files.getPosixFilePermissions(config.state());
      state.add(PosixFilePermission.OTHERS_EXECUTE);
      Files.setPosixFilePermissions(config.state(), state);
    }
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      Path initdbLog = dir.resolve("initdb.log");
      int exit =
          Processes.runQuietly(
              asPgOwner(
                  List.of(
                      bin.resolve("initdb").toString(),
                      "-D",
                      data.toString(),
                      "-U",
                      "postgres",
                      "-A",
                      "trust")),
              initdbLog,
              Duration.ofMinutes(2));
      if (exit != 0) {
        throw new CliException("initdb failed (see " + initdbLog + ")");
      }
    }
    String pgCtl =
        bin.resolve("pg_ctl")
            + " -D "
            + data
            + " -l "
            + dir.resolve("postgres.log")
            + " -w -t 60 -o '-p "
            + config.drillPgPort()
            + " -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300'";
    if (Processes.runQuietly(
            asPgOwner(List.of("sh", "-c", pgCtl + " start")),
            Path.of("/dev/null"),
            Duration.ofSeconds(90))
        != 0) {
      throw new CliException(
          "drill PostgreSQL did not start (see " + dir.resolve("postgres.log") + ")");
    }
    out.say("Drill PostgreSQL on 127.0.0.1:" + config.drillPgPort() + " (" + data + ")");
    return pgCtl;
  }

  /** pg_config's bindir, else the newest /usr/lib/postgresql/N/bin that has initdb. */
  private static Path postgresBin() throws IOException {
    Optional<Path> configured =
        Processes.output(List.of("pg_config", "--bindir"), Path.of("."))
            .map(Path::of)
            .filter(dir -> Files.isExecutable(dir.resolve("initdb")));
    if (configured.isPresent()) {
      return configured.get();
    }
    Path versions = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(versions)) {
      try (Stream<Path> dirs = Files.list(versions)) {
        Optional<Path> newest =
            dirs.map(v -> v.resolve("bin"))
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                .max(Comparator.comparing(DrillsCommand::majorVersion));
        if (newest.isPresent()) {
          return newest.get();
        }
      }
    }
    throw new CliException("initdb not found: the drills need the PostgreSQL server binaries");
  }

  private static double majorVersion(Path bin) {
    try {
      return Double.parseDouble(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static boolean isRoot() {
    return new UnixSystem().getUid() == 0;
  }

  private static List<String> asPgOwner(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    asPostgres.addAll(command);
    return asPostgres;
  }
}
