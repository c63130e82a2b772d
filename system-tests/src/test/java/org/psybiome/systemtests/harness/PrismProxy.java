package org.psybiome.systemtests.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism as a validating proxy in front of the gateway: a checker of the API document that
 * nobody on the project wrote. Every exchange through it is checked against the committed document
 * ({@code api/openapi.json}); each mismatch is a {@code Violation:} line in its log, of the request
 * or of the response. Prism comes from {@code api/package.json} (installed with {@code npm ci} if
 * the build has not done so yet).
 */
public final class PrismProxy implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path log;
  private final Process process;
  private final URI uri;

  private PrismProxy(Path log, Process process, URI uri) {
    this.log = log;
    this.process = process;
    this.uri = uri;
  }

  /** Starts Prism on a free port, proxying to {@code upstream}; logs to {@code log}. */
  public static PrismProxy start(Path repositoryRoot, URI upstream, Path log) {
    Path api = repositoryRoot.resolve("api");
    try {
      if (!Files.isExecutable(api.resolve("node_modules/.bin/prism"))) {
        run(api, List.of("npm", "ci", "--no-audit", "--no-fund"), log.resolveSibling("npm-ci.log"));
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(
                  api.resolve("node_modules/.bin/prism").toString(),
                  "proxy",
                  "openapi.json",
                  upstream.toString(),
                  "--errors=false",
                  "-h",
                  "127.0.0.1",
                  "-p",
                  String.valueOf(port))
              .directory(api.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      PrismProxy prism = new PrismProxy(log, process, URI.create("http://127.0.0.1:" + port));
      prism.awaitListening();
      return prism;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return uri;
  }

  /** One request Prism handed on: what the API answered, and what Prism found wrong. */
  public record Exchange(
      String request,
      int status,
      List<String> requestViolations,
      List<String> responseViolations) {}

  /** Every exchange Prism logged so far, in order. */
  public List<Exchange> exchangeLog() {
    List<Exchange> exchanges = new ArrayList<>();
    String request = null;
    int status = 0;
    List<String> ofRequest = new ArrayList<>();
    List<String> ofResponse = new ArrayList<>();
    for (String line : lines()) {
      if (line.contains("[HTTP SERVER]") && line.contains("Request received")) {
        if (request != null) {
          exchanges.add(new Exchange(request, status, ofRequest, ofResponse));
        }
        request =
            line.substring(line.indexOf("[HTTP SERVER]") + 14).replace("Request received", "");
        request = request.replaceAll("\\s+ℹ\\s+info\\s*$", "").trim();
        status = 0;
        ofRequest = new ArrayList<>();
        ofResponse = new ArrayList<>();
      } else if (line.contains("has returned ")) {
        status = Integer.parseInt(line.replaceAll(".*has returned (\\d+).*", "$1"));
      } else if (line.contains("Violation:")) {
        // one logged before any request is kept too: nothing Prism finds may go unreported
        request = request == null ? "(before any request)" : request;
        (line.contains("Violation: response") ? ofResponse : ofRequest)
            .add(line.substring(line.indexOf("Violation:")));
      }
    }
    if (request != null) {
      exchanges.add(new Exchange(request, status, ofRequest, ofResponse));
    }
    return exchanges;
  }

  /** Every {@code Violation:} line Prism logged so far, with the request it was about. */
  public List<String> violations() {
    return exchangeLog().stream()
        .flatMap(
            e ->
                java.util.stream.Stream.concat(
                        e.requestViolations().stream(), e.responseViolations().stream())
                    .map(violation -> e.request() + " → " + violation))
        .toList();
  }

  /** Each request Prism handed on, as "METHOD /path" (without the query). */
  public List<String> requests() {
    return exchangeLog().stream()
        .map(
            e -> {
              String[] words = e.request().split("\\s+");
              return words.length < 2
                  ? e.request()
                  : words[0].toUpperCase(java.util.Locale.ROOT) + " " + words[1].split("\\?")[0];
            })
        .toList();
  }

  /** How many requests Prism handed on. */
  public long exchanges() {
    return exchangeLog().size();
  }

  private List<String> lines() {
    try {
      return Files.readAllLines(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (lines().stream().anyMatch(line -> line.contains("Prism is listening"))) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Prism exited at start; see " + log);
      }
      try {
        // Prism writes its log line when it listens; nothing to wait on but the file.
        process.waitFor(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    close();
    throw new IllegalStateException(
        "Prism did not listen within " + START_TIMEOUT + "; see " + log);
  }

  private static void run(Path dir, List<String> command, Path log) throws IOException {
    Files.createDirectories(log.getParent());
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " failed; see " + log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
