package org.psybiome.devtools.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting, stopping and running child processes, and asking whether a local port is taken. */
final class Processes {

  private static final Duration GRACE = Duration.ofSeconds(20);

  private Processes() {}

  /**
   * Starts a process that outlives this command: in a session of its own (setsid), so that a Ctrl-C
   * in the terminal that ran {@code up} or a closed terminal does not reach it; output appended to
   * {@code log}, no stdin.
   */
  static Process startDetached(List<String> command, Map<String, String> env, Path log, Path dir) {
    List<String> line = new ArrayList<>();
    onPath("setsid").ifPresent(setsid -> line.add(setsid.toString()));
    line.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().putAll(env);
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CliException("could not start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Runs a command in the foreground, sharing this terminal; returns its exit code. If this JVM is
   * terminated meanwhile, the command goes with it (a {@code tail -f} must not be left behind).
   */
  static int runInForeground(List<String> command, Map<String, String> env, Path dir) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).inheritIO();
    builder.environment().putAll(env);
    try {
      Process process = builder.start();
      Thread reaper = new Thread(process::destroy);
      Runtime.getRuntime().addShutdownHook(reaper);
      int exit = process.waitFor();
      Runtime.getRuntime().removeShutdownHook(reaper);
      return exit;
    } catch (IOException e) {
      throw new CliException("could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while running " + command.get(0), e);
    }
  }

  /** Runs a command quietly, its output to {@code output} (stdout and stderr); the exit code. */
  static int runQuietly(List<String> command, Path output, Duration timeout) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      throw new CliException("could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** What a short command prints on stdout, trimmed; empty if it fails. */
  static Optional<String> output(List<String> command, Path dir) {
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(process.getInputStream().readAllBytes()).trim();
      return process.waitFor() == 0 ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * SIGTERM, then up to 20 s for a graceful shutdown (Quarkus drains requests, Kafka flushes its
   * logs), then SIGKILL.
   */
  static void stop(ProcessHandle process) {
    process.destroy();
    try {
      process.onExit().get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** True if something accepts connections on 127.0.0.1:port. */
  static boolean portBusy(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The executable of this name on PATH, as the shell would find it. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static Path require(String name, String hint) {
    return onPath(name).orElseThrow(() -> new CliException(name + " not found: " + hint));
  }

  static void createDirectories(Path... dirs) {
    try {
      for (Path dir : dirs) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
