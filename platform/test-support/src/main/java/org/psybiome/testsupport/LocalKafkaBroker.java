package org.psybiome.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker run as a child process from the jars that
 * platform/kafka-broker collects — no Docker, no system package. Ports are picked free, so a stack
 * left running on 9092 does not matter. It can be stopped and started again on the same ports and
 * data, which is how tests simulate an outage.
 */
public final class LocalKafkaBroker implements AutoCloseable {

  /** 60 s unless {@code psybiome.test.kafka.start-timeout-s} says otherwise (the drills: 240). */
  private static final Duration START_TIMEOUT =
      Duration.ofSeconds(Long.getLong("psybiome.test.kafka.start-timeout-s", 60));

  private static final String STARTED = "Kafka Server started";

  private final Path home;
  private final Path workDir;
  private final int port;
  private final int controllerPort;
  private Process process;

  private LocalKafkaBroker(Path home, Path workDir, int port, int controllerPort) {
    this.home = home;
    this.workDir = workDir;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Formats fresh storage in a temporary directory and starts the broker. */
  public static LocalKafkaBroker startNew() {
    Path home = kafkaHome();
    try {
      Path workDir = Files.createTempDirectory("psybiome-kafka-");
      LocalKafkaBroker broker = new LocalKafkaBroker(home, workDir, freePort(), freePort());
      broker.format();
      broker.start();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the broker on its ports and data; returns once it says it has started. */
  public synchronized void start() {
    if (isRunning()) {
      return;
    }
    try {
      Path log = workDir.resolve("broker.log");
      Files.deleteIfExists(log);
      process =
          new ProcessBuilder(
                  java(),
                  "-Xms128m",
                  "-Xmx512m",
                  "-Dlog4j2.configurationFile=" + home.resolve("config/log4j2.properties"),
                  "-cp",
                  classpath(),
                  "kafka.Kafka",
                  workDir.resolve("server.properties").toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      awaitStarted(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops the broker gracefully (SIGTERM), keeping its data. */
  public synchronized void stop() {
    halt(false);
  }

  /** Kills the broker (SIGKILL), as a crash would; its data stays. */
  public synchronized void kill() {
    halt(true);
  }

  /**
   * Kills the broker and deletes its data directory, as a lost disk would: every topic, record and
   * consumer offset gone. The storage is formatted again (a new cluster id), so {@link #start()}
   * then brings up an empty broker on the same ports.
   */
  public synchronized void eraseData() {
    halt(true);
    deleteRecursively(workDir.resolve("data"));
    try {
      format();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    halt(false);
    deleteRecursively(workDir);
  }

  private void halt(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  private void format() throws IOException {
    String template =
        Files.readString(home.resolve("config/server.properties.template"), StandardCharsets.UTF_8);
    Path config = workDir.resolve("server.properties");
    Files.writeString(
        config,
        template
            .replace("@PORT@", Integer.toString(port))
            .replace("@CONTROLLER_PORT@", Integer.toString(controllerPort))
            .replace("@LOG_DIR@", workDir.resolve("data").toString()));
    Process formatter =
        new ProcessBuilder(
                java(),
                "-cp",
                classpath(),
                "kafka.tools.StorageTool",
                "format",
                "-t",
                clusterId(),
                "-c",
                config.toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("format.log").toFile())
            .start();
    try {
      if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
        throw new IllegalStateException(
            "Kafka storage format failed: " + Files.readString(workDir.resolve("format.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitStarted(Path log) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && Files.readString(log).contains(STARTED)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Kafka broker exited at start:\n" + tail(log));
      }
      try {
        Thread.sleep(100); // the broker reports readiness only in its log, so poll the log
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    halt(true);
    throw new IllegalStateException(
        "Kafka broker did not start in " + START_TIMEOUT + ":\n" + tail(log));
  }

  private static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /**
   * Kafka's cluster ids are 16 random bytes in URL-safe base64 without padding; like Kafka's own
   * generator, never one that starts with '-', which the storage tool would take for an option (one
   * in 64 did, and failed the run's broker).
   */
  private static String clusterId() {
    while (true) {
      UUID uuid = UUID.randomUUID();
      var buffer = java.nio.ByteBuffer.allocate(16);
      buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }

  private String classpath() {
    return home.resolve("target/lib") + File.separator + "*";
  }

  private static String java() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  static Path kafkaHome() {
    String configured =
        Env.setting("psybiome.kafka.home")
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "psybiome.kafka.home is not set: run the tests through Maven"
                            + " (./mvnw verify), which points it at platform/kafka-broker"));
    Path home = Path.of(configured);
    if (!Files.isDirectory(home.resolve("target/lib"))) {
      throw new IllegalStateException(
          "No Kafka broker jars in "
              + home.resolve("target/lib")
              + ": build platform/kafka-broker first (./mvnw -pl platform/kafka-broker package)");
    }
    return home;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException e) {
      // a temp dir left behind is not worth failing a test run for
    }
  }
}
