package org.psybiome.systemtests.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, with a fresh profile, watched two ways
 * that do not depend on a DevTools websocket session:
 *
 * <ul>
 *   <li>a recorder script that chromedriver installs before any page script runs ({@code
 *       Page.addScriptToEvaluateOnNewDocument}): it wraps {@code fetch} (the dashboard's only way
 *       to reach the API: every request carries the token header) and keeps each request's URL,
 *       status, content type and body, and records {@code console.error}, uncaught errors and
 *       unhandled rejections; the browser's resource timing lists every URL the page loaded by any
 *       means, so a request that bypassed {@code fetch} shows up too;
 *   <li>chromedriver's browser log (SEVERE entries: a failed request, a CSP refusal, a console
 *       error).
 * </ul>
 *
 * {@code DashboardIT.theWatchersSeeWhatThePageDoes} is the positive control: an error and a request
 * made on purpose must both be seen.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM =
      Path.of(System.getProperty("psybiome.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("psybiome.chromedriver", "/usr/bin/chromedriver"));

  /** A response the page received through fetch: URL, status, content type and body. */
  record Received(String url, int status, String mimeType, String body) {}

  private static final String RECORDER =
      """
      (() => {
        if (window.__psybiomeNet) { return; }
        const net = [], errors = [];
        Object.defineProperty(window, '__psybiomeNet', { value: net });
        Object.defineProperty(window, '__psybiomeErrors', { value: errors });
        const text = (v) => { try { return v instanceof Error ? v.message : String(v); }
                              catch (e) { return '?'; } };
        const consoleError = console.error.bind(console);
        console.error = (...args) => {
          errors.push('console.error: ' + args.map(text).join(' '));
          consoleError(...args);
        };
        window.addEventListener('error', (e) => errors.push('error: ' + (e.message
            || (e.target && (e.target.src || e.target.href)) || 'unknown')), true);
        window.addEventListener('unhandledrejection',
            (e) => errors.push('unhandled rejection: ' + text(e.reason)));
        const fetchOriginal = window.fetch.bind(window);
        window.fetch = async (input, init) => {
          const url = new URL(typeof input === 'string' ? input : input.url, location.href).href;
          const entry = { url, status: 0, type: '', body: null, done: false };
          net.push(entry);
          try {
            const response = await fetchOriginal(input, init);
            entry.status = response.status;
            entry.type = response.headers.get('content-type') || '';
            if (entry.type.includes('event-stream')) {
              entry.done = true; // a stream never ends; its events are the page's to show
            } else {
              response.clone().text().then((t) => { entry.body = t; entry.done = true; },
                                           () => { entry.done = true; });
            }
            return response;
          } catch (e) {
            entry.done = true;
            throw e;
          }
        };
      })();
      """;

  private final ChromeDriver driver;
  private final Path profile;
  private final List<String> logErrors = new ArrayList<>();

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
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
  }

  ChromeDriver driver() {
    return driver;
  }

  WebDriverWait waiting(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  /**
   * Console errors, uncaught errors and unhandled rejections the current page recorded, and every
   * SEVERE entry of the browser's log since the browser started.
   */
  List<String> errors() {
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        logErrors.add("log: " + entry.getMessage());
      }
    }
    List<String> all = new ArrayList<>(logErrors);
    all.addAll(strings("return window.__psybiomeErrors ? window.__psybiomeErrors.slice() : []"));
    return all;
  }

  /**
   * The current page's fetches whose bodies have arrived in full (an event stream has none), after
   * waiting up to 10 s for those still arriving.
   */
  List<Received> finishedResponses() {
    waiting(Duration.ofSeconds(10))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript("return (window.__psybiomeNet || []).every((e) => e.done)"));
    List<Received> received = new ArrayList<>();
    for (Object o : list("return (window.__psybiomeNet || []).filter((e) => e.body !== null)")) {
      Map<?, ?> e = (Map<?, ?>) o;
      received.add(
          new Received(
              (String) e.get("url"),
              ((Number) e.get("status")).intValue(),
              (String) e.get("type"),
              (String) e.get("body")));
    }
    return received;
  }

  /** Every URL the current page loaded, by fetch or otherwise (resource timing), and fetched. */
  List<String> requestedUrls() {
    List<String> urls =
        new ArrayList<>(
            strings(
                "return performance.getEntriesByType('resource').map((e) => e.name)"
                    + ".concat((window.__psybiomeNet || []).map((e) => e.url))"));
    return urls;
  }

  private List<Object> list(String script) {
    Object result = driver.executeScript(script);
    return result instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  private List<String> strings(String script) {
    return list(script).stream().map(String::valueOf).toList();
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
