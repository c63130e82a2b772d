package org.psybiome.devtools.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processes of the local stack (the Kafka broker and the three services): started detached with
 * their pids in {@code .psybiome/pids/} and their output in {@code .psybiome/logs/}, found again
 * and stopped by those pids.
 */
final class LocalStack {

  static final String KAFKA = "kafka";
  private static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(60);

  private final StackConfig config;
  private final PidFiles pids;
  private final LaunchCommands commands;
  private final ReadinessPoller poller;
  private final Console out;

  LocalStack(StackConfig config, Console out) {
    this.config = config;
    this.pids = new PidFiles(config.pids());
    this.commands = new LaunchCommands(config, LaunchCommands.currentJava());
    this.poller = new ReadinessPoller(Duration.ofMillis(300));
    this.out = out;
  }

  Optional<ProcessHandle> running(String name) {
    return pids.running(name);
  }

  boolean ready(Service service) {
    return poller.isReady(service.readinessUri());
  }

  /** The broker runs and every service answers ready. */
  boolean allReady() {
    return running(KAFKA).isPresent() && List.of(Service.values()).stream().allMatch(this::ready);
  }

  void startKafka() {
    if (running(KAFKA).isPresent()) {
      return;
    }
    if (Processes.portBusy(config.kafkaPort())) {
      throw new CliException(
          "port " + config.kafkaPort() + " is taken by another process; set PSYBIOME_KAFKA_PORT");
    }
    Path dir = config.kafkaDir();
    Processes.createDirectories(dir);
    writeBrokerConfig(dir);
    if (!Files.exists(dir.resolve("data/meta.properties"))) {
      Path formatLog = config.log("kafka-format");
      int exit =
          Processes.runQuietly(
              commands.kafkaFormat(clusterId()), formatLog, Duration.ofSeconds(120));
      if (exit != 0) {
        throw new CliException("could not format Kafka storage (see " + formatLog + ")");
      }
    }
    out.say("Starting Kafka on 127.0.0.1:" + config.kafkaPort() + " ...");
    Path log = truncate(config.log(KAFKA));
    Process broker = Processes.startDetached(commands.kafka(), Map.of(), log, config.root());
    pids.write(KAFKA, broker.pid());
    // The broker has no HTTP endpoint: it is up once its listener accepts connections.
    ReadinessPoller.Outcome outcome =
        poller.await(
            () -> Processes.portBusy(config.kafkaPort()),
            Instant.now().plus(KAFKA_START_TIMEOUT),
            broker::isAlive);
    switch (outcome) {
      case READY -> {}
      case EXITED -> throw new CliException("Kafka exited at start (see " + log + ")");
      case TIMED_OUT ->
          throw new CliException(
              "Kafka did not start within "
                  + KAFKA_START_TIMEOUT.toSeconds()
                  + " s (see "
                  + log
                  + ")");
    }
  }

  void startService(Service service) {
    if (running(service.id).isPresent()) {
      return;
    }
    if (Processes.portBusy(service.port)) {
      throw new CliException(
          "port " + service.port + " (" + service.id + ") is taken by another process");
    }
    if (!Files.exists(commands.serviceJar(service))) {
      throw new CliException(
          commands.serviceJar(service) + " is missing: run ./psybiome up without --no-build");
    }
    Path log = truncate(config.log(service.id));
    Process process =
        Processes.startDetached(
            commands.service(service),
            commands.serviceEnvironment(),
            log,
            commands.workingDirectory(service));
    pids.write(service.id, process.pid());
  }

  /** Waits for each service in turn, all within one timeout (PSYBIOME_READY_TIMEOUT). */
  void awaitReady() {
    Instant deadline = Instant.now().plus(config.readyTimeout());
    for (Service service : Service.values()) {
      ReadinessPoller.Outcome outcome =
          poller.await(service.readinessUri(), deadline, () -> running(service.id).isPresent());
      Path log = config.log(service.id);
      switch (outcome) {
        case READY -> out.say("  " + service.id + " ready on " + service.baseUri());
        case EXITED -> throw new CliException(service.id + " exited at start (see " + log + ")");
        case TIMED_OUT ->
            throw new CliException(
                service.id
                    + " not ready within "
                    + config.readyTimeout().toSeconds()
                    + "s (see "
                    + log
                    + ")");
      }
    }
  }

  /** Stops the named process if its pid file names a live one; the pid file goes either way. */
  void stop(String name) {
    Optional<Long> pid = pids.read(name);
    Optional<ProcessHandle> process = pids.running(name);
    if (process.isPresent()) {
      Processes.stop(process.get());
      out.say("  stopped " + name + " (pid " + pid.orElseThrow() + ")");
    }
    pids.remove(name);
  }

  private void writeBrokerConfig(Path dir) {
    try {
      String template =
          Files.readString(
              config.kafkaHome().resolve("config/server.properties.template"),
              StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve("server.properties"),
          template
              .replace("@PORT@", Integer.toString(config.kafkaPort()))
              .replace("@CONTROLLER_PORT@", Integer.toString(config.kafkaControllerPort()))
              .replace("@LOG_DIR@", dir.resolve("data").toString()));
    } catch (IOException e) {
      throw new CliException("cannot write the broker configuration: " + e.getMessage(), e);
    }
  }

  /**
   * A Kafka cluster id: 16 random bytes in URL-safe base64 without padding. Like Kafka's own
   * generator, never one that starts with '-', which the storage tool would take for an option.
   */
  static String clusterId() {
    SecureRandom random = new SecureRandom();
    while (true) {
      ByteBuffer bytes =
          ByteBuffer.allocate(16).putLong(random.nextLong()).putLong(random.nextLong());
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }

  private static Path truncate(Path log) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(log, "");
      return log;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
