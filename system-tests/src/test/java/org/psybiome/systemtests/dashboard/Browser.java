package org.psybiome.systemtests.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.log.Log;
import org.openqa.selenium.devtools.v156.log.model.LogEntry;
import org.openqa.selenium.devtools.v156.network.Network;
import org.openqa.selenium.devtools.v156.network.model.RequestId;
import org.openqa.selenium.devtools.v156.runtime.Runtime;
import org.openqa.selenium.devtools.v156.runtime.model.ConsoleAPICalled;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile, watched through the
 * DevTools protocol: every console error, uncaught exception and browser log error (a failed
 * request, a CSP refusal), and every response the page received, whose bodies can be read back.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("psybiome.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("psybiome.chromedriver", "/usr/bin/chromedriver"));

  /** A response the page received: URL, status, MIME type, and its DevTools request id. */
  record Received(String url, int status, String mimeType, RequestId requestId) {}

  private final ChromeDriver driver;
  private final DevTools devTools;
  private final Path profile;
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
  private final Map<RequestId, Received> responses = new ConcurrentHashMap<>();
  private final List<RequestId> finished = Collections.synchronizedList(new ArrayList<>());

  /**
   * Fails at once, saying what to install, when Chromium or its driver is missing: the dashboard's
   * tests never skip silently.
   */
  static void requireInstalled() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException(
          "The dashboard's browser tests need Debian's chromium and chromium-driver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install chromium chromium-driver (.ci/run installs them when missing),"
              + " or point -Dpsybiome.chromium / -Dpsybiome.chromedriver at them");
    }
  }

  Browser(int width, int height) {
    requireInstalled();
    try {
      profile = Files.createTempDirectory("psybiome-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=" + width + "," + height,
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    devTools = driver.getDevTools();
    devTools.createSession();
    devTools.send(Log.enable());
    devTools.send(Runtime.enable());
    devTools.send(
        Network.enable(
            Optional.of(64 * 1024 * 1024),
            Optional.of(16 * 1024 * 1024),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
    devTools.addListener(
        Log.entryAdded(),
        entry -> {
          if (entry.getLevel() == LogEntry.Level.ERROR) {
            errors.add("log: " + entry.getText() + " " + entry.getUrl().orElse(""));
          }
        });
    devTools.addListener(
        Runtime.exceptionThrown(),
        thrown -> errors.add("exception: " + thrown.getExceptionDetails().getText()));
    devTools.addListener(
        Runtime.consoleAPICalled(),
        call -> {
          if (call.getType() == ConsoleAPICalled.Type.ERROR
              || call.getType() == ConsoleAPICalled.Type.ASSERT) {
            errors.add("console." + call.getType() + ": " + call.getArgs());
          }
        });
    devTools.addListener(
        Network.responseReceived(),
        received ->
            responses.put(
                received.getRequestId(),
                new Received(
                    received.getResponse().getUrl(),
                    received.getResponse().getStatus(),
                    received.getResponse().getMimeType(),
                    received.getRequestId())));
    devTools.addListener(Network.loadingFinished(), done -> finished.add(done.getRequestId()));
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /** Console errors, uncaught exceptions and error log entries seen so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  /** Responses whose bodies have arrived in full (an event stream never finishes). */
  List<Received> finishedResponses() {
    List<RequestId> ids;
    synchronized (finished) {
      ids = List.copyOf(finished);
    }
    return ids.stream().map(responses::get).filter(r -> r != null).toList();
  }

  /** Every response that started arriving, finished or not (the event stream too). */
  List<Received> allResponses() {
    return List.copyOf(responses.values());
  }

  /** The body of a response the page received, as the browser holds it. */
  String body(Received response) {
    Network.GetResponseBodyResponse body =
        devTools.send(Network.getResponseBody(response.requestId()));
    return body.getBase64Encoded()
        ? new String(
            java.util.Base64.getDecoder().decode(body.getBody()),
            java.nio.charset.StandardCharsets.UTF_8)
        : body.getBody();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var walk = Files.walk(profile)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }
}
