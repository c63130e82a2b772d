package org.psybiome.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus application ({@code target/quarkus-app/quarkus-run.jar}) run as a child
 * process on a fixed port, with its configuration passed as system properties and environment. It
 * can be stopped and started again on the same port and settings, as an outage would do; its output
 * is appended to one log file per service for diagnosis.
 */
public final class ServiceProcess {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final Path jar;
  private final int port;
  private final String heap;
  private final Map<String, String> properties;
  private final Map<String, String> environment;
  private final Path log;
  private volatile Process process;

  ServiceProcess(
      String name,
      Path jar,
      int port,
      String heap,
      Map<String, String> properties,
      Map<String, String> environment,
      Path logDir) {
    this.name = name;
    this.jar = jar;
    this.port = port;
    this.heap = heap;
    this.properties = Map.copyOf(properties);
    this.environment = Map.copyOf(environment);
    this.log = logDir.resolve(name + ".log");
  }

  public String name() {
    return name;
  }

  public URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public Path log() {
    return log;
  }

  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Starts the application and returns once it reports ready (database and Kafka reached). */
  public void start() {
    Process started = launch();
    awaitReady(started);
  }

  /**
   * Starts the application and returns at once, without waiting for it to be ready (a drill that
   * kills replicas at a fixed cadence does not wait for the restarted one); a process already
   * running is left as it is.
   */
  public synchronized Process launch() {
    if (isRunning()) {
      return process;
    }
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "No packaged "
              + name
              + " at "
              + jar
              + ": build it first (./mvnw -B verify -pl system-tests -am builds it)");
    }
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.add("-Xmx" + heap);
    command.add("-XX:TieredStopAtLevel=1"); // short-lived test stack: start fast, peak speed moot
    command.add("-Dquarkus.http.port=" + port);
    command.add("-Dquarkus.http.host=127.0.0.1");
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(jar.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      Files.writeString(
          log,
          "---- starting " + name + " on port " + port + " at " + Instant.now() + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
    return process;
  }

  /** Whether the application answers ready now (false while it starts, or when it is down). */
  public boolean isReady() {
    Process current = process;
    return current != null && current.isAlive() && answers200(baseUri().resolve("/q/health/ready"));
  }

  /**
   * The exit status of a process that ended by itself (not by {@link #kill()} or {@link #stop()},
   * which forget it); empty while it runs or after a kill.
   */
  public synchronized java.util.OptionalInt exitedBy() {
    return process != null && !process.isAlive()
        ? java.util.OptionalInt.of(process.exitValue())
        : java.util.OptionalInt.empty();
  }

  /** Kills the application at once (SIGKILL), as a crash or an OOM kill would. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops the application gracefully (SIGTERM), killing it if it does not end in time. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    process = null;
  }

  private void awaitReady(Process started) {
    Instant deadline = Instant.now().plus(READY_TIMEOUT);
    URI ready = baseUri().resolve("/q/health/ready");
    while (Instant.now().isBefore(deadline)) {
      if (!started.isAlive()) {
        throw new IllegalStateException(name + " exited at start:\n" + tail());
      }
      if (answers200(ready)) {
        return;
      }
      pause(Duration.ofMillis(200)); // readiness is only known by asking
    }
    stop();
    throw new IllegalStateException(
        name + " was not ready within " + READY_TIMEOUT + ":\n" + tail());
  }

  private static boolean answers200(URI uri) {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
