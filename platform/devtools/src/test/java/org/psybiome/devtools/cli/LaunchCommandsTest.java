package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command lines and environments of the stack's processes, and the settings behind them. */
class LaunchCommandsTest {

  private static final Path ROOT = Path.of("/repo");

  @Test
  void eachServiceRunsItsQuarkusJarWithTheDefaultHeap() {
    LaunchCommands commands = new LaunchCommands(StackConfig.from(ROOT, Map.of()), "/jdk/bin/java");
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-Xmx256m",
            "-jar",
            "/repo/trial-service/target/quarkus-app/quarkus-run.jar"),
        commands.service(Service.TRIAL_SERVICE));
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-Xmx256m",
            "-jar",
            "/repo/biomarker-service/target/quarkus-app/quarkus-run.jar"),
        commands.service(Service.BIOMARKER_SERVICE));
    assertEquals(
        List.of(
            "/jdk/bin/java",
            "-Xmx256m",
            "-jar",
            "/repo/gateway/target/quarkus-app/quarkus-run.jar"),
        commands.service(Service.GATEWAY));
  }

  @Test
  void aServiceBuiltWithItsClassDataArchiveStartsWithIt(@TempDir Path root) throws Exception {
    Path app = Files.createDirectories(root.resolve("gateway/target/quarkus-app"));
    Files.writeString(app.resolve("app-cds.jsa"), "archive");
    LaunchCommands commands = new LaunchCommands(StackConfig.from(root, Map.of()), "java");
    // relative names, from the jar's directory: the archive refuses another class path
    assertEquals(
        List.of("java", "-Xmx256m", "-XX:SharedArchiveFile=app-cds.jsa", "-jar", "quarkus-run.jar"),
        commands.service(Service.GATEWAY));
    assertEquals(app, commands.workingDirectory(Service.GATEWAY));
    // the others have none, and start as before, from the repository root
    assertFalse(commands.service(Service.TRIAL_SERVICE).toString().contains("SharedArchiveFile"));
    assertEquals(root, commands.workingDirectory(Service.TRIAL_SERVICE));
  }

  @Test
  void javaOptionsAreSplitOnBlanksAsTheShellDid() {
    LaunchCommands commands =
        new LaunchCommands(
            StackConfig.from(ROOT, Map.of("PSYBIOME_JAVA_OPTS", " -Xmx512m  -XX:+UseSerialGC ")),
            "java");
    assertEquals(
        List.of(
            "java",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-jar",
            "/repo/gateway/target/quarkus-app/quarkus-run.jar"),
        commands.service(Service.GATEWAY));
  }

  @Test
  void servicesAreGivenThePublicKeyTheBrokerAndTheDatabasePasswords() {
    StackConfig config =
        StackConfig.from(
            ROOT,
            Map.of(
                "PSYBIOME_HOME", "/state",
                "PSYBIOME_KAFKA_PORT", "19092",
                "PSYBIOME_DB_APP_PASSWORD", "s3cret"));
    assertEquals(
        Map.of(
            "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/state/keys/jwt-public.pem",
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092",
            "PSYBIOME_DB_OWNER_PASSWORD", "psybiome-local-owner",
            "PSYBIOME_DB_APP_PASSWORD", "s3cret"),
        new LaunchCommands(config, "java").serviceEnvironment());
  }

  @Test
  void theBrokerRunsFromTheCollectedJarsWithItsStateUnderPsybiomeHome() {
    LaunchCommands commands = new LaunchCommands(StackConfig.from(ROOT, Map.of()), "java");
    assertEquals(
        List.of(
            "java",
            "-Xms128m",
            "-Xmx512m",
            "-Dlog4j2.configurationFile=/repo/platform/kafka-broker/config/log4j2.properties",
            "-cp",
            "/repo/platform/kafka-broker/target/lib/*",
            "kafka.Kafka",
            "/repo/.psybiome/kafka/server.properties"),
        commands.kafka());
    assertEquals(
        List.of(
            "java",
            "-cp",
            "/repo/platform/kafka-broker/target/lib/*",
            "kafka.tools.StorageTool",
            "format",
            "-t",
            "abc",
            "-c",
            "/repo/.psybiome/kafka/server.properties"),
        commands.kafkaFormat("abc"));
  }

  @Test
  void settingsDefaultWhenUnsetOrEmptyAndRefuseNonNumbers() {
    StackConfig defaults = StackConfig.from(ROOT, Map.of("PSYBIOME_KAFKA_PORT", ""));
    assertEquals(Path.of("/repo/.psybiome"), defaults.state());
    assertEquals(9092, defaults.kafkaPort());
    assertEquals(9093, defaults.kafkaControllerPort());
    assertEquals(5432, defaults.pgPort());
    assertEquals("127.0.0.1", defaults.pgHost());
    assertEquals("postgres", defaults.pgSuperuser());
    assertEquals(Duration.ofSeconds(120), defaults.readyTimeout());
    assertEquals(55432, defaults.drillPgPort());
    assertThrows(
        CliException.class, () -> StackConfig.from(ROOT, Map.of("PSYBIOME_READY_TIMEOUT", "2m")));
  }

  @Test
  void kafkaClusterIdsAre16BytesOfUrlSafeBase64NeverStartingWithADash() {
    for (int i = 0; i < 200; i++) {
      String id = LocalStack.clusterId();
      assertEquals(22, id.length(), id); // ceil(16 * 8 / 6) = 22 characters without padding
      assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
      assertFalse(id.startsWith("-"), id);
    }
  }

  @Test
  void benchRunsBenchMainWithTheRootStateCommitAndOptions() {
    StackConfig config = StackConfig.from(ROOT, Map.of());
    BenchCommand bench = new BenchCommand();
    bench.quick = true;
    bench.only = List.of("ingest", "search");
    bench.out = Path.of("/tmp/out.json");
    List<String> command = bench.command(config, "abc1234");
    assertEquals(
        List.of(
            "-Xmx2g",
            "-cp",
            "/repo/bench/target/classes:/repo/bench/target/lib/*",
            "org.psybiome.bench.BenchMain",
            "--root",
            "/repo",
            "--state",
            "/repo/.psybiome",
            "--commit",
            "abc1234",
            "--quick",
            "--only",
            "ingest,search",
            "--out",
            "/tmp/out.json"),
        command.subList(1, command.size()));
  }

  @Test
  void drillsRunTheChosenDrillsOfSystemTestsUnderTheDrillsProfile() {
    List<String> args = DrillsCommand.mavenArgs("KafkaOutageDrill");
    assertTrue(args.containsAll(List.of("verify", "-pl", "system-tests", "-am", "-Pdrills")));
    assertTrue(args.contains("-Dit.test=KafkaOutageDrill"));
    // Without a name the profile alone selects every drill.
    assertEquals(
        List.of("-B", "verify", "-pl", "system-tests", "-am", "-Pdrills"),
        DrillsCommand.mavenArgs(DrillsCommand.ALL));
  }
}
