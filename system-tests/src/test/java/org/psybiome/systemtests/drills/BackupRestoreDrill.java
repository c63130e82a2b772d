package org.psybiome.systemtests.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.ServiceProcess;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;
import org.psybiome.testsupport.TestDatabase;

/**
 * Drill 9: both databases are dumped with {@code pg_dump} while enrolments and result batches are
 * written through the gateway, and restored into a fresh PostgreSQL cluster (initdb'd by the
 * drill). Each dump runs on a snapshot exported by a transaction that also fingerprints the source
 * (row count and md5 per table), so "the source at the dump" is exact under load; the restored
 * databases must have the same fingerprints, and the sequences the values the dump recorded (never
 * behind the source's at the snapshot). biomarker-service's database is dumped first, so it never
 * knows a participant the restored trial-service lacks. Then the services are started on the
 * restored cluster in place of the originals: the outbox relays what was unrelayed, a republication
 * (decision 25) teaches biomarker-service what it had not applied at its dump, and every trial of
 * the dump must have a complete version history and audit trail; a new write must flow.
 *
 * <p>Needs the PostgreSQL of {@code ./psybiome drills} (its superuser, trust authentication) and
 * the server binaries (initdb, pg_ctl, pg_dump, pg_restore).
 */
@ExtendWith(StackExtension.class)
class BackupRestoreDrill {

  private static final int TRIALS = 4;
  private static final int PER_ARM = 5;
  private static final int CLIENTS = 4;

  /** Writes acknowledged before the dumps start, so that they run into the load, not its start. */
  private static final int LOAD_BEFORE_DUMP = 60;

  private static final Pattern SETVAL =
      Pattern.compile("setval\\('public\\.([a-z0-9_]+)', (\\d+), (true|false)\\)");

  /** The machine the drills run on may be shared and busy: waits are long, not tight. */
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  @Test
  void aDumpUnderLoadRestoresIdenticallyAndTheServicesCarryOn(PsybiomeStack stack)
      throws Exception {
    assumeTrue(
        System.getenv("PSYBIOME_DRILL_PG_RESTART") != null,
        "run through ./psybiome drills, whose PostgreSQL the drill may dump as its superuser");
    Path bin = postgresBin();
    String superuser = System.getenv().getOrDefault("PSYBIOME_TEST_POSTGRES_USER", "postgres");
    Trials trials = new Trials(stack.gatewayUri());
    List<TestTrial> recruiting = new ArrayList<>();
    for (int i = 0; i < TRIALS; i++) {
      TestTrial trial = trials.recruiting(stack.root(), "DRILL9", PER_ARM);
      trials.awaitKnownToBiomarker(trial, PATIENCE);
      recruiting.add(trial);
    }

    Path dir = Files.createTempDirectory("psybiome-restore-");
    int port = freePort();
    Cluster target = new Cluster(bin, dir, port);
    ServiceProcess restoredTrial = null;
    ServiceProcess restoredBiomarker = null;
    Load load = new Load(stack, recruiting);
    try {
      target.create();
      load.start();
      await("writes under way")
          .atMost(PATIENCE)
          .until(() -> load.acknowledged.get() >= LOAD_BEFORE_DUMP);

      int ackedBeforeDumps = load.acknowledged.get();
      // biomarker-service first: its restored knowledge is then never ahead of trial-service's
      Dump biomarkerDump = dump(bin, superuser, stack.biomarkerDatabase(), dir, "biomarker");
      Dump trialDump = dump(bin, superuser, stack.trialDatabase(), dir, "trial");
      int ackedAtDumps = load.acknowledged.get();
      load.stop();

      target.copyRoles(bin, superuser, stack.trialDatabase());
      Instant restoreStarted = Instant.now();
      target.restore(biomarkerDump);
      target.restore(trialDump);
      Instant restored = Instant.now();
      TestDatabase trialCopy = target.copyOf(stack.trialDatabase());
      TestDatabase biomarkerCopy = target.copyOf(stack.biomarkerDatabase());
      Map<String, String> trialRestored = tables(trialCopy);
      Map<String, String> biomarkerRestored = tables(biomarkerCopy);
      Map<String, Long> trialSequences = sequences(trialCopy);
      Map<String, Long> biomarkerSequences = sequences(biomarkerCopy);

      long unrelayedAtDump = count(trialCopy, "SELECT count(*) FROM outbox_event");
      // The restored cluster replaces the original: the old processes stop, new ones start on it.
      stack.trialService().stop();
      stack.biomarkerService().stop();
      Instant servicesStarting = Instant.now();
      restoredTrial = stack.extraService("trial-service-restored", "trial-service", trialCopy);
      restoredBiomarker =
          stack.extraService("biomarker-service-restored", "biomarker-service", biomarkerCopy);
      Instant servicesUp = Instant.now();
      await("the restored outbox relayed")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> count(trialCopy, "SELECT count(*) FROM outbox_event") == 0);
      Set<String> missingBefore = missingFromBiomarker(trialCopy, biomarkerCopy);
      DrillHttp.Reply republished =
          new DrillHttp(restoredTrial.baseUri())
              .post(
                  "/internal/v1/republish",
                  Tokens.bearer("operator", null),
                  "application/json",
                  "",
                  Map.of());
      assertThat(republished.status()).as(republished.body()).isEqualTo(200);
      await("biomarker-service knows every participant of the restored trial-service")
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> missingFromBiomarker(trialCopy, biomarkerCopy).isEmpty());
      Instant caughtUp = Instant.now();
      List<String> audit = auditGaps(trialCopy);
      long trialsInDump = count(trialCopy, "SELECT count(*) FROM trial");

      // A new write flows on the restored stack.
      TestTrial first = recruiting.get(0);
      String code = first.id().substring(first.id().length() - 6) + "-RESTORED";
      DrillHttp.Reply enrolled =
          new DrillHttp(restoredTrial.baseUri())
              .post(
                  "/api/v1/trials/" + first.id() + "/participants",
                  Tokens.bearer("registrant", "DRILL9"),
                  "application/json",
                  "{\"code\":\""
                      + code
                      + "\",\"arm\":\"Placebo\",\"enrolledOn\":\""
                      + LocalDate.now()
                      + "\"}",
                  Map.of());
      assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
      await("the new enrolment known to the restored biomarker-service")
          .atMost(PATIENCE)
          .until(
              () ->
                  count(
                          biomarkerCopy,
                          "SELECT count(*) FROM participant_allocation WHERE code = '" + code + "'")
                      == 1);

      DrillReport.print(
          "9 BackupRestoreDrill",
          "under load (%d writes acknowledged while the dumps ran; %d enrolments and %d result"
              + " batches in all, %d refused); biomarker dump at LSN %s %s (%d bytes, %.1f s), trial dump at LSN %s"
              + " %s (%d bytes, %.1f s); restore into a fresh cluster in %.1f s; fingerprints at the"
              + " dump vs restored: trial %d tables / %d rows identical: %s, biomarker %d tables /"
              + " %d rows identical: %s; sequences as dumped: trial %s, biomarker %s, none behind"
              + " the source at the snapshot: %s; services up on the copy in %.1f s; %d outbox events"
              + " unrelayed at the dump relayed; %d participants unknown to biomarker-service"
              + " before the republication (%s), 0 after, %.1f s after the services were up;"
              + " trials in the dump %d, with version or audit gaps: %d; a new enrolment applied",
          ackedAtDumps - ackedBeforeDumps,
          load.enrolments.get(),
          load.batches.get(),
          load.refused.size(),
          biomarkerDump.lsn,
          biomarkerDump.at,
          Files.size(biomarkerDump.file),
          biomarkerDump.seconds,
          trialDump.lsn,
          trialDump.at,
          Files.size(trialDump.file),
          trialDump.seconds,
          Duration.between(restoreStarted, restored).toMillis() / 1000.0,
          trialDump.tables.size(),
          TableFingerprints.rows(trialDump.tables),
          trialRestored.equals(trialDump.tables),
          biomarkerDump.tables.size(),
          TableFingerprints.rows(biomarkerDump.tables),
          biomarkerRestored.equals(biomarkerDump.tables),
          trialSequences.equals(trialDump.dumpedSequences),
          biomarkerSequences.equals(biomarkerDump.dumpedSequences),
          notBehind(trialSequences, trialDump.sequencesAtSnapshot)
              && notBehind(biomarkerSequences, biomarkerDump.sequencesAtSnapshot),
          Duration.between(servicesStarting, servicesUp).toMillis() / 1000.0,
          unrelayedAtDump,
          missingBefore.size(),
          republished.body(),
          Duration.between(servicesUp, caughtUp).toMillis() / 1000.0,
          trialsInDump,
          audit.size());
      assertThat(load.refused).as("writes refused during the dumps").isEmpty();
      assertThat(ackedAtDumps)
          .as("writes acknowledged while the dumps ran")
          .isGreaterThan(ackedBeforeDumps);
      assertThat(trialRestored).as("trial-service tables").isEqualTo(trialDump.tables);
      assertThat(biomarkerRestored).as("biomarker-service tables").isEqualTo(biomarkerDump.tables);
      assertThat(trialSequences).isEqualTo(trialDump.dumpedSequences);
      assertThat(biomarkerSequences).isEqualTo(biomarkerDump.dumpedSequences);
      assertThat(notBehind(trialSequences, trialDump.sequencesAtSnapshot)).isTrue();
      assertThat(notBehind(biomarkerSequences, biomarkerDump.sequencesAtSnapshot)).isTrue();
      assertThat(audit).as("trials with gaps in their versions or audit trail").isEmpty();
    } finally {
      load.stop();
      if (restoredTrial != null) {
        restoredTrial.stop();
      }
      if (restoredBiomarker != null) {
        restoredBiomarker.stop();
      }
      // the original stack again, for whatever runs next
      stack.trialService().start();
      stack.biomarkerService().start();
      target.destroy();
    }
  }

  /** Enrolments and result batches through the gateway until stopped. */
  private static final class Load {
    private final PsybiomeStack stack;
    private final List<TestTrial> trials;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger enrolments = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger sequence = new AtomicInteger();
    private final List<String> refused = java.util.Collections.synchronizedList(new ArrayList<>());
    private ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    Load(PsybiomeStack stack, List<TestTrial> trials) {
      this.stack = stack;
      this.trials = trials;
    }

    void start() {
      running.set(true);
      pool = Executors.newFixedThreadPool(CLIENTS);
      DrillHttp http = new DrillHttp(stack.gatewayUri());
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        clients.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    int n = sequence.incrementAndGet();
                    TestTrial trial = trials.get(n % trials.size());
                    DrillHttp.Reply reply;
                    boolean enrolment = client % 2 == 0;
                    if (enrolment) {
                      reply =
                          http.post(
                              "/api/v1/trials/" + trial.id() + "/participants",
                              Tokens.bearer("registrant", "DRILL9"),
                              "application/json",
                              "{\"code\":\"BR"
                                  + client
                                  + "-"
                                  + n
                                  + "\",\"arm\":\"Probiotic\",\"enrolledOn\":\""
                                  + LocalDate.now()
                                  + "\"}",
                              Map.of());
                    } else {
                      reply =
                          http.post(
                              "/api/v1/trials/" + trial.id() + "/results",
                              Tokens.bearer("pipeline", "DRILL9"),
                              "text/csv",
                              ResultBatches.csv(trial, 60, "BR-" + n),
                              Map.of());
                    }
                    if (reply.status() / 100 == 2) {
                      acknowledged.incrementAndGet();
                      (enrolment ? enrolments : batches).incrementAndGet();
                    } else {
                      refused.add(reply.status() + " " + reply.failure() + " " + reply.body());
                    }
                  }
                  return null;
                }));
      }
    }

    void stop() throws Exception {
      if (!running.getAndSet(false)) {
        return;
      }
      for (Future<?> f : clients) {
        f.get();
      }
      pool.shutdown();
    }
  }

  /** A dump taken on a snapshot exported by the transaction that fingerprinted the source. */
  private record Dump(
      String database,
      Path file,
      String lsn,
      Instant at,
      double seconds,
      Map<String, String> tables,
      Map<String, Long> sequencesAtSnapshot,
      Map<String, Long> dumpedSequences) {}

  private static Dump dump(Path bin, String superuser, TestDatabase db, Path dir, String name)
      throws Exception {
    Path file = dir.resolve(name + ".dump");
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), superuser, "")) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      String snapshot;
      String lsn;
      Instant at;
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT pg_export_snapshot(), pg_current_wal_lsn()::text, clock_timestamp()")) {
        r.next();
        snapshot = r.getString(1);
        lsn = r.getString(2);
        at = r.getTimestamp(3).toInstant();
      }
      // sequences are not transactional: read first, they can only be at least this in the dump
      Map<String, Long> sequencesAtSnapshot = sequences(c);
      Instant started = Instant.now();
      run(
          List.of(
              bin.resolve("pg_dump").toString(),
              "-h",
              host(db),
              "-p",
              String.valueOf(port(db)),
              "-U",
              superuser,
              "--snapshot=" + snapshot,
              "-Fc",
              "-f",
              file.toString(),
              db.name()),
          dir.resolve(name + "-dump.log"));
      double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
      Map<String, String> tables = tablesOf(c);
      c.commit();
      return new Dump(
          db.name(),
          file,
          lsn,
          at,
          seconds,
          tables,
          sequencesAtSnapshot,
          dumpedSequences(bin, file, dir.resolve(name + "-sequences.log")));
    }
  }

  /** The sequence values a custom-format dump will set, read from its data section. */
  private static Map<String, Long> dumpedSequences(Path bin, Path file, Path log) throws Exception {
    Path sql = Path.of(file + ".data.sql");
    run(
        List.of(
            bin.resolve("pg_restore").toString(),
            "--section=data",
            "-f",
            sql.toString(),
            file.toString()),
        log);
    Map<String, Long> values = new TreeMap<>();
    try (Stream<String> lines = Files.lines(sql)) {
      lines.forEach(
          line -> {
            Matcher m = SETVAL.matcher(line);
            // setval(..., false): a sequence never used, whose last_value reads as null
            if (m.find() && "true".equals(m.group(3))) {
              values.put(m.group(1), Long.parseLong(m.group(2)));
            }
          });
    }
    return values;
  }

  /** {@code restored ≥ atSnapshot} for every sequence of the snapshot. */
  private static boolean notBehind(Map<String, Long> restored, Map<String, Long> atSnapshot) {
    return atSnapshot.entrySet().stream()
        .allMatch(e -> restored.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  private static Map<String, String> tables(TestDatabase db) throws SQLException {
    try (Connection c = db.connectAsOwner()) {
      return tablesOf(c);
    }
  }

  private static Map<String, String> tablesOf(Connection c) throws SQLException {
    Map<String, String> all = TableFingerprints.ofDatabase(c);
    all.keySet().removeIf(k -> k.startsWith("seq:"));
    return all;
  }

  private static Map<String, Long> sequences(TestDatabase db) throws SQLException {
    try (Connection c = db.connectAsOwner()) {
      return sequences(c);
    }
  }

  /** Last value of every used sequence of schema public (an unused one's reads as null). */
  private static Map<String, Long> sequences(Connection c) throws SQLException {
    Map<String, Long> values = new TreeMap<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT sequencename, last_value FROM pg_sequences"
                    + " WHERE schemaname = 'public' AND last_value IS NOT NULL");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        values.put(r.getString(1), r.getLong(2));
      }
    }
    return values;
  }

  /** (trial, code) of registered trials' participants that biomarker-service does not know. */
  private static Set<String> missingFromBiomarker(TestDatabase trial, TestDatabase biomarker)
      throws SQLException {
    Set<String> expected =
        pairs(
            trial,
            "SELECT p.trial_id || '/' || p.code FROM participant p JOIN trial t ON t.id ="
                + " p.trial_id WHERE t.status <> 'DRAFT'");
    expected.removeAll(
        pairs(biomarker, "SELECT trial_id || '/' || code FROM participant_allocation"));
    return expected;
  }

  private static Set<String> pairs(TestDatabase db, String sql) throws SQLException {
    Set<String> result = new HashSet<>();
    try (Connection c = db.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        result.add(r.getString(1));
      }
    }
    return result;
  }

  /**
   * Trials whose history is not whole: versions not exactly 1..current in trial_version, a version
   * without its audit entry, or a participant without its enrolment's audit entry.
   */
  private static List<String> auditGaps(TestDatabase db) throws SQLException {
    List<String> gaps = new ArrayList<>();
    String sql =
        "SELECT t.id, t.version,"
            + " (SELECT count(*) FROM trial_version v WHERE v.trial_id = t.id),"
            + " (SELECT coalesce(max(v.version), 0) FROM trial_version v WHERE v.trial_id = t.id),"
            + " (SELECT count(DISTINCT a.version) FROM audit_entry a"
            + "   WHERE a.trial_id = t.id AND a.version IS NOT NULL),"
            + " (SELECT count(*) FROM participant p WHERE p.trial_id = t.id),"
            + " (SELECT count(*) FROM audit_entry a WHERE a.trial_id = t.id"
            + "   AND a.action = 'PARTICIPANT_ENROLLED')"
            + " FROM trial t";
    try (Connection c = db.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        int version = r.getInt(2);
        if (r.getInt(3) != version
            || r.getInt(4) != version
            || r.getInt(5) != version
            || r.getLong(6) != r.getLong(7)) {
          gaps.add(
              r.getString(1)
                  + " version "
                  + version
                  + " versions "
                  + r.getInt(3)
                  + "/max "
                  + r.getInt(4)
                  + " audited versions "
                  + r.getInt(5)
                  + " participants "
                  + r.getLong(6)
                  + " enrolment entries "
                  + r.getLong(7));
        }
      }
    }
    return gaps;
  }

  private static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connectAsOwner();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  /** A PostgreSQL cluster of the drill's own, made with initdb in a temporary directory. */
  private static final class Cluster {
    private final Path bin;
    private final Path dir;
    private final int port;
    private boolean started;

    Cluster(Path bin, Path dir, int port) {
      this.bin = bin;
      this.dir = dir;
      this.port = port;
    }

    void create() throws Exception {
      if (isRoot()) {
        // PostgreSQL refuses to run as root: the cluster belongs to postgres
        run(List.of("chown", "-R", "postgres", dir.toString()), dir.resolve("chown.log"));
      }
      run(
          asPgOwner(
              List.of(
                  bin.resolve("initdb").toString(),
                  "-D",
                  dir.resolve("pgdata").toString(),
                  "-U",
                  "postgres",
                  "-A",
                  "trust")),
          dir.resolve("initdb.log"));
      run(
          asPgOwner(
              List.of(
                  bin.resolve("pg_ctl").toString(),
                  "-D",
                  dir.resolve("pgdata").toString(),
                  "-l",
                  dir.resolve("postgres.log").toString(),
                  "-w",
                  "-t",
                  "60",
                  "-o",
                  "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1",
                  "start")),
          dir.resolve("pg_ctl.log"));
      started = true;
    }

    /** The source server's roles (owners, application roles, their passwords). */
    void copyRoles(Path bin, String superuser, TestDatabase source) throws Exception {
      Path roles = dir.resolve("roles.sql");
      run(
          List.of(
              bin.resolve("pg_dumpall").toString(),
              "-h",
              host(source),
              "-p",
              String.valueOf(port(source)),
              "-U",
              superuser,
              "--roles-only",
              "-f",
              roles.toString()),
          dir.resolve("roles-dump.log"));
      // "role postgres already exists" is expected; every other role is created
      runAllowingErrors(
          List.of(
              bin.resolve("psql").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              String.valueOf(port),
              "-U",
              "postgres",
              "-q",
              "-f",
              roles.toString(),
              "postgres"),
          dir.resolve("roles-restore.log"));
    }

    void restore(Dump dump) throws Exception {
      run(
          List.of(
              bin.resolve("pg_restore").toString(),
              "-h",
              "127.0.0.1",
              "-p",
              String.valueOf(port),
              "-U",
              "postgres",
              "--create",
              "--exit-on-error",
              "-d",
              "postgres",
              dump.file.toString()),
          dir.resolve(dump.database + "-restore.log"));
    }

    TestDatabase copyOf(TestDatabase source) {
      return new TestDatabase(
          source.server(),
          "jdbc:postgresql://127.0.0.1:" + port + "/" + source.name(),
          source.name(),
          source.ownerUser(),
          source.ownerPassword(),
          source.appUser(),
          source.appPassword());
    }

    void destroy() {
      try {
        if (started) {
          run(
              asPgOwner(
                  List.of(
                      bin.resolve("pg_ctl").toString(),
                      "-D",
                      dir.resolve("pgdata").toString(),
                      "-m",
                      "fast",
                      "-w",
                      "stop")),
              Path.of("/dev/null"));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
          paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(java.io.File::delete);
        }
      } catch (Exception e) {
        System.err.println("restore cluster teardown: " + e.getMessage());
      }
    }
  }

  private static void run(List<String> command, Path log) throws Exception {
    int exit = start(command, log);
    if (exit != 0) {
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited "
              + exit
              + (Files.isRegularFile(log) ? ":\n" + Files.readString(log) : ""));
    }
  }

  private static void runAllowingErrors(List<String> command, Path log) throws Exception {
    start(command, log);
  }

  private static int start(List<String> command, Path log) throws Exception {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 min");
    }
    return process.exitValue();
  }

  private static String host(TestDatabase db) {
    return hostPort(db)[0];
  }

  private static int port(TestDatabase db) {
    return Integer.parseInt(hostPort(db)[1]);
  }

  /** jdbc:postgresql://HOST:PORT/NAME → {HOST, PORT}. */
  private static String[] hostPort(TestDatabase db) {
    String rest = db.jdbcUrl().substring("jdbc:postgresql://".length());
    String hostPort = rest.substring(0, rest.indexOf('/'));
    int colon = hostPort.lastIndexOf(':');
    return colon < 0
        ? new String[] {hostPort, "5432"}
        : new String[] {hostPort.substring(0, colon), hostPort.substring(colon + 1)};
  }

  /** The newest PostgreSQL server binaries: /usr/lib/postgresql/N/bin with initdb. */
  private static Path postgresBin() throws IOException {
    Path versions = Path.of("/usr/lib/postgresql");
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.map(v -> v.resolve("bin"))
          .filter(d -> Files.isExecutable(d.resolve("initdb")))
          .max(Comparator.comparing(d -> d.getParent().getFileName().toString()))
          .orElseThrow(() -> new IllegalStateException("no initdb under " + versions));
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static List<String> asPgOwner(List<String> command) {
    if (!isRoot()) {
      return command;
    }
    List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
    asPostgres.addAll(command);
    return asPostgres;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
