package org.psybiome.systemtests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.testsupport.TestTokens;

/**
 * The web dashboard the gateway serves at {@code /}, in Debian's headless Chromium against the
 * packaged stack loaded with the demo ({@code ./psybiome up --demo}'s trials, through the same
 * loader): the public search finds a demo trial and its page shows the registry items; a
 * statistician's trajectory chart carries exactly the API's summary numbers; a blinded reader's
 * page holds no arm data in its DOM or in any response the browser received; the live feed adds an
 * event without a reload; no console error anywhere; no serious or critical axe-core violation; a
 * phone-width page does not scroll sideways. The statistician's page is saved as a screenshot
 * ({@code target/dashboard.png}; committed as docs/dashboard.png).
 */
@ExtendWith(StackExtension.class)
class DashboardIT {

  private static final String CONSORTIUM = DemoData.CONSORTIUM;
  private static final String ACRONYM = DemoData.ACRONYM;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static PsybiomeStack stack;
  private static String gateway;
  private static String trialId;
  private static JsonNode trial;

  @BeforeAll
  static void demo(PsybiomeStack running) throws Exception {
    Browser.requireInstalled();
    stack = running;
    gateway = stack.gatewayUri().toString().replaceAll("/$", "");
    trialId = DemoData.load(stack);
    trial = get("/api/v1/trials/" + trialId, null);
    assertThat(trial.get("blinded").asBoolean()).as("the demo trial is masked").isTrue();
  }

  @Test
  void publicSearchFindsTheDemoTrialAndItsPageShowsTheRegistryItems() throws Exception {
    HttpResponse<String> index =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(gateway + "/")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
    assertThat(index.headers().firstValue("Cache-Control").orElse("")).contains("max-age=600");
    assertThat(index.body()).doesNotContain("http://", "https://");

    try (Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      driver.get(gateway + "/");
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("trial-results")));
      // keyboard only: the skip link is the first stop; from the page's heading (focused on each
      // view) Tab reaches the search field, and Enter submits
      assertThat(
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "return document.querySelector('a[href], button, input, select, textarea,"
                          + " summary, [tabindex]:not([tabindex=\\'-1\\'])').textContent"))
          .isEqualTo("Skip to content");
      assertThat(driver.switchTo().activeElement().getTagName()).isEqualTo("h1");
      assertNoSeriousAccessibilityViolations(browser); // the search page
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
      WebElement q = driver.switchTo().activeElement();
      assertThat(q.getAttribute("id")).isEqualTo("f-q");
      q.sendKeys(ACRONYM, Keys.ENTER);
      By hit = By.cssSelector("#trial-results li[data-trial-id='" + trialId + "'] a");
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(hit));
      assertThat(driver.getCurrentUrl()).contains("q=" + ACRONYM);
      // the hit is reached from the search field with Tab alone, and opened with Enter
      driver.findElement(By.id("f-q")).click();
      int tabs = 0;
      while (tabs < 40
          && !trialId.equals(
              ((JavascriptExecutor) driver)
                  .executeScript(
                      "var li = document.activeElement.closest('li[data-trial-id]');"
                          + " return document.activeElement.tagName === 'A' && li"
                          + " ? li.getAttribute('data-trial-id') : null;"))) {
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.TAB).perform();
        tabs++;
      }
      assertThat(tabs).as("Tab presses from the search field to the hit").isBetween(1, 39);
      new org.openqa.selenium.interactions.Actions(driver).sendKeys(Keys.ENTER).perform();
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("trds-24")));

      assertThat(driver.findElement(By.id("trial-title")).getText()).contains(ACRONYM);
      for (int item = 1; item <= 24; item++) {
        assertThat(driver.findElements(By.id("trds-" + item))).as("TRDS item %d", item).hasSize(1);
      }
      assertThat(driver.findElement(By.id("trds-10")).getText())
          .contains(trial.get("scientificTitle").asText());
      assertThat(driver.findElement(By.id("trds-19")).getText()).contains("HAMD17");
      assertThat(driver.findElement(By.id("trds-5")).getText())
          .contains(trial.get("primarySponsor").asText());
      // identifiers link to their source registries
      assertThat(
              driver
                  .findElement(By.cssSelector("#identifiers li[data-registry=NCT] a"))
                  .getAttribute("href"))
          .isEqualTo("https://clinicaltrials.gov/study/NCT06123456");
      assertThat(
              driver
                  .findElement(By.cssSelector("#identifiers li[data-registry=EUDRACT] a"))
                  .getAttribute("href"))
          .isEqualTo(
              "https://www.clinicaltrialsregister.eu/ctr-search/search?query=2025-001234-17");
      // the status history as a timeline, as the API lists it
      List<WebElement> steps = driver.findElements(By.cssSelector("#status-timeline li"));
      assertThat(steps).hasSize(trial.get("statusHistory").size());
      assertThat(steps.get(0).getText())
          .contains(trial.get("statusHistory").get(0).get("effectiveDate").asText(), "Recruiting");
      // without a token: no data of the consortium is asked for
      assertThat(browser.requestedUrls())
          .anyMatch(u -> u.contains("/api/v1/trials"))
          .noneMatch(
              u -> u.matches(".*/(summaries|analysis|overview|consort|drift|missing-data).*"));

      assertNoSeriousAccessibilityViolations(browser);
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void statisticianSeesPerArmTrajectoriesDrawnFromTheApiNumbers() throws Exception {
    String token = TestTokens.token("dashboard-statistician", "statistician", CONSORTIUM);
    try (Browser browser = new Browser(1280, 1500)) {
      openSignedIn(browser, token);
      List<WebElement> rows =
          browser.driver().findElements(By.cssSelector("#trajectory-table tbody tr"));
      List<String> arms = new ArrayList<>();
      stream(trial.get("arms")).forEach(a -> arms.add(a.get("label").asText()));
      assertThat(rows).hasSizeGreaterThanOrEqualTo(arms.size() * 2);
      TDistribution[] t = new TDistribution[1000];
      for (WebElement row : rows) {
        String arm = row.getAttribute("data-series");
        String visit = row.getAttribute("data-visit");
        JsonNode summary =
            get("/api/v1/trials/" + trialId + "/summaries/HAMD17?by=arm&visit=" + visit, token);
        JsonNode statistics =
            stream(summary.get("arms")).stream()
                .filter(a -> a.get("arm").asText().equals(arm))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no arm " + arm + " in the API's summary"))
                .get("statistics");
        int n = statistics.get("n").asInt();
        double mean = statistics.get("mean").asDouble();
        double sd = statistics.get("sd").asDouble();
        assertThat(Integer.parseInt(row.getAttribute("data-n"))).isEqualTo(n);
        assertThat(Double.parseDouble(row.getAttribute("data-mean"))).isEqualTo(mean);
        // 95% CI of the mean, mean ± t(0.975, n−1)·sd/√n, with Hipparchus's t quantile
        if (t[n] == null) {
          t[n] = new TDistribution(n - 1);
        }
        double half = t[n].inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        assertThat(Double.parseDouble(row.getAttribute("data-low")))
            .isCloseTo(
                mean - half,
                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(mean))));
        assertThat(Double.parseDouble(row.getAttribute("data-high")))
            .isCloseTo(
                mean + half,
                org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, Math.abs(mean))));
      }
      assertThat(rows.stream().map(r -> r.getAttribute("data-series")).distinct())
          .containsExactlyInAnyOrderElementsOf(arms);
      // the chart draws those numbers: a titled, described SVG with one series per arm
      WebElement chart = browser.driver().findElement(By.id("trajectory-chart"));
      assertThat(chart.getAttribute("role")).isEqualTo("img");
      assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent"))
          .contains("HAMD17");
      JsonNode drawn = Trials.parse(chart.getAttribute("data-series"));
      assertThat(drawn.size()).isEqualTo(arms.size());
      for (JsonNode series : drawn) {
        for (JsonNode point : series.get("points")) {
          WebElement circle =
              chart.findElement(
                  By.cssSelector(
                      "g.series[data-name='"
                          + series.get("name").asText()
                          + "'] circle[data-visit='"
                          + point.get("visit").asText()
                          + "']"));
          assertThat(Double.parseDouble(circle.getAttribute("data-mean")))
              .isEqualTo(point.get("mean").asDouble());
        }
      }
      // the analysis table shows the API's adjusted p-values
      String visit = browser.driver().findElement(By.id("visit-select")).getAttribute("value");
      JsonNode analysis = get("/api/v1/trials/" + trialId + "/analysis?visit=" + visit, token);
      JsonNode primary =
          stream(analysis.get("rows")).stream()
              .filter(r -> r.get("measure").asText().equals("HAMD17") && r.hasNonNull("pAdjusted"))
              .findFirst()
              .orElseThrow();
      String shown =
          browser
              .driver()
              .findElement(By.cssSelector("#analysis-table tr[data-measure=HAMD17]"))
              .getText();
      double p = primary.get("pAdjusted").asDouble();
      assertThat(shown)
          .contains(p < 0.001 ? "< 0.001" : String.format(java.util.Locale.ROOT, "%.3f", p));
      assertThat(browser.driver().findElements(By.cssSelector("#consort svg title"))).hasSize(1);
      assertThat(browser.driver().findElements(By.cssSelector("#drift-table td.cell")))
          .isNotEmpty();
      assertThat(browser.driver().findElement(By.id("missing-table")).getText())
          .contains(arms.get(0));

      assertNoSeriousAccessibilityViolations(browser);
      screenshot(browser);
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void blindedReaderIsSentNoArmData() throws Exception {
    String token = TestTokens.token("dashboard-reader", "reader", CONSORTIUM);
    try (Browser browser = new Browser(1280, 1500)) {
      openSignedIn(browser, token);
      List<String> armWords = new ArrayList<>();
      stream(trial.get("arms"))
          .forEach(
              a -> {
                armWords.add(a.get("label").asText());
                armWords.add(a.get("code").asText());
              });
      // the DOM: pooled figures only, no arm named anywhere in the data part of the page
      assertThat(browser.driver().findElements(By.cssSelector("#trajectory-table tbody tr")))
          .isNotEmpty()
          .allSatisfy(
              r ->
                  assertThat(r.getAttribute("data-series")).isEqualTo("All participants (pooled)"));
      String analytics =
          (String)
              ((JavascriptExecutor) browser.driver())
                  .executeScript("return document.getElementById('analytics').outerHTML");
      assertThat(analytics).doesNotContain(armWords);
      // every response the browser received: nothing per arm (the registry record names the
      // design's arms, which are public)
      List<Browser.Received> received =
          browser.finishedResponses().stream().filter(r -> r.url().contains("/api/v1/")).toList();
      assertThat(received.stream().map(Browser.Received::url))
          .anyMatch(u -> u.contains("/summaries/"))
          .anyMatch(u -> u.contains("/overview"))
          .anyMatch(u -> u.contains("/analysis"))
          .anyMatch(u -> u.contains("/consort"))
          .anyMatch(u -> u.contains("/missing-data"))
          .anyMatch(u -> u.contains("/drift"))
          .noneMatch(u -> u.contains("by=arm"));
      // nothing reached the API around the recorder (resource timing lists every load)
      assertThat(
              browser.requestedUrls().stream()
                  .filter(u -> u.contains("/api/v1/") && !u.contains("/api/v1/events"))
                  .distinct())
          .allSatisfy(u -> assertThat(received).as(u).anyMatch(r -> r.url().equals(u)));
      for (Browser.Received response : received) {
        String body = response.body();
        if (response.url().endsWith("/api/v1/trials/" + trialId)) {
          continue;
        }
        if (response.mimeType().contains("svg")) {
          assertThat(body).as(response.url()).doesNotContain(armWords);
          continue;
        }
        List<String> found = new ArrayList<>();
        armData(Trials.parse(body), "", found);
        assertThat(found).as("arm data in " + response.url()).isEmpty();
      }
      assertNoSeriousAccessibilityViolations(browser);
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  /**
   * The positive control of the watchers every other test relies on: an error logged and a request
   * made on purpose in the page must both be seen, with the response's body.
   */
  @Test
  void theWatchersSeeWhatThePageDoes() {
    try (Browser browser = new Browser(1280, 900)) {
      browser.driver().get(gateway + "/");
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("trial-results")));
      JavascriptExecutor page = browser.driver();
      page.executeScript("console.error('probe of the watchers')");
      page.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + " fetch('/api/v1/trials/"
              + trialId
              + "').then((r) => r.text()).then(() => done(true), () => done(false));");
      assertThat(browser.errors()).anyMatch(e -> e.contains("probe of the watchers"));
      assertThat(browser.finishedResponses())
          .anySatisfy(
              r -> {
                assertThat(r.url()).endsWith("/api/v1/trials/" + trialId);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).contains(trialId);
              });
      assertThat(browser.requestedUrls()).anyMatch(u -> u.endsWith("/api/v1/trials/" + trialId));
    }
  }

  @Test
  void liveFeedAddsAnEventWithoutAReload() throws Exception {
    String token = TestTokens.token("dashboard-live", "statistician", CONSORTIUM);
    try (Browser browser = new Browser(1280, 900)) {
      openSignedIn(browser, token);
      var js = (JavascriptExecutor) browser.driver();
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.attributeToBe(By.id("feed-status"), "data-connected", "true"));
      js.executeScript("window.psybiomeMarker = 'same page'");
      String before = browser.driver().findElement(By.id("results-total")).getText();
      long events = browser.driver().findElements(By.cssSelector("#feed li")).size();

      String sample = "LIVE-" + UUID.randomUUID();
      String csv =
          "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
              + "PROBIODEP-001,W4,"
              + sample
              + ",2026-02-09T09:00:00Z,IL6,2.4,pg/mL\n";
      HttpResponse<String> posted =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(gateway + "/api/v1/trials/" + trialId + "/results"))
                  .header("Authorization", "Bearer " + TestTokens.token("pipeline", CONSORTIUM))
                  .header("Content-Type", "text/csv")
                  .POST(HttpRequest.BodyPublishers.ofString(csv))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

      await("the feed shows the batch")
          .atMost(WAIT)
          .until(
              () ->
                  browser
                              .driver()
                              .findElements(
                                  By.cssSelector("#feed li[data-type$='batch-ingested.v1']"))
                              .size()
                          > 0
                      && browser.driver().findElements(By.cssSelector("#feed li")).size() > events);
      assertThat(browser.driver().findElement(By.cssSelector("#feed li")).getText())
          .contains("1 results stored", "W4");
      // and the page's figures follow, in place
      await("the results total follows")
          .atMost(WAIT)
          .until(
              () -> !browser.driver().findElement(By.id("results-total")).getText().equals(before));
      assertThat(Long.parseLong(browser.driver().findElement(By.id("results-total")).getText()))
          .isEqualTo(Long.parseLong(before) + 1);
      assertThat(js.executeScript("return window.psybiomeMarker"))
          .as("no reload")
          .isEqualTo("same page");
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void phoneWidthPagesDoNotScrollSidewaysAndKeepTheirControlsInReach() {
    String token = TestTokens.token("dashboard-phone", "statistician", CONSORTIUM);
    try (Browser browser = new Browser(375, 812)) {
      var driver = browser.driver();
      var js = (JavascriptExecutor) driver;
      // a phone's viewport as DevTools' device mode sets it (a window may not be made this narrow)
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of("width", 375, "height", 812, "deviceScaleFactor", 2, "mobile", true));
      driver.get(gateway + "/");
      assertThat(js.executeScript("return window.innerWidth")).isEqualTo(375L);
      driver.get(gateway + "/");
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.presenceOfElementLocated(By.id("trial-results")));
      assertFitsThePhone(browser, "search page", "f-q", "signin-summary");
      driver.get(gateway + "/#/trials/" + trialId);
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("trds-24")));
      assertFitsThePhone(browser, "public trial page", "signin-summary");
      openSignedIn(browser, token);
      assertFitsThePhone(browser, "signed-in trial page", "outcome-select", "visit-select");
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  @Test
  void aTokenTheApiRefusesSignsTheUserOut() {
    String refused = TestTokens.signedWithUntrustedKey("statistician", CONSORTIUM);
    try (Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      var js = (JavascriptExecutor) driver;
      driver.get(gateway + "/");
      js.executeScript("sessionStorage.setItem('psybiome.token', arguments[0])", refused);
      driver.get(gateway + "/#/trials/" + trialId);
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-message")));
      assertThat(driver.findElement(By.id("signin-message")).getText())
          .contains("refused the token (401)", "signed out");
      assertThat(js.executeScript("return sessionStorage.getItem('psybiome.token')")).isNull();
      browser.waiting(WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("trds-24")));
      assertThat(driver.findElement(By.id("signin-summary")).getText()).isEqualTo("Sign in");
      // the browser logs the refused request itself; nothing else went wrong
      assertThat(browser.errors()).allMatch(e -> e.contains("status of 401"));
    }
  }

  @Test
  void theSessionEndsWhenTheTokenExpires() {
    // a token valid for 30 s: long enough to draw the page, then the page must sign out by itself
    String token =
        io.smallrye.jwt.build.Jwt.issuer(TestTokens.ISSUER)
            .subject("dashboard-expiry")
            .upn("dashboard-expiry")
            .groups(java.util.Set.of("statistician"))
            .claim("consortium", CONSORTIUM)
            .expiresAt(java.time.Instant.now().plusSeconds(30))
            .sign(org.psybiome.testsupport.TestKeys.get().trusted().getPrivate());
    try (Browser browser = new Browser(1280, 900)) {
      var driver = browser.driver();
      var js = (JavascriptExecutor) driver;
      openSignedIn(browser, token);
      assertThat(driver.findElement(By.id("signin-message")).isDisplayed()).isFalse();
      await("signed out at expiry")
          .atMost(Duration.ofSeconds(90))
          .until(() -> js.executeScript("return sessionStorage.getItem('psybiome.token')") == null);
      browser
          .waiting(WAIT)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-message")));
      assertThat(driver.findElement(By.id("signin-message")).getText()).contains("expired");
      assertThat(driver.findElements(By.id("overview")))
          .as("the consortium's data is gone")
          .isEmpty();
      assertThat(driver.findElement(By.id("signin-summary")).getText()).isEqualTo("Sign in");
      assertThat(browser.errors()).as("console errors").isEmpty();
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The trial page with the token in the tab's session storage, every section loaded. */
  private static void openSignedIn(Browser browser, String token) {
    var driver = browser.driver();
    driver.get(gateway + "/");
    ((JavascriptExecutor) driver)
        .executeScript("sessionStorage.setItem('psybiome.token', arguments[0])", token);
    driver.get(gateway + "/#/trials/" + trialId);
    DashboardPages.awaitSignedInSections(browser, WAIT);
  }

  /**
   * The page does not scroll sideways, and each named control is shown, within the viewport's width
   * and at least 24 px on each side (WCAG 2.2's minimum target size).
   */
  private static void assertFitsThePhone(Browser browser, String page, String... controls) {
    var js = (JavascriptExecutor) browser.driver();
    assertThat(
            (Boolean)
                js.executeScript(
                    "return document.documentElement.scrollWidth <= window.innerWidth"))
        .as(page + " fits a phone")
        .isTrue();
    for (String id : controls) {
      @SuppressWarnings("unchecked")
      Map<String, Object> box =
          (Map<String, Object>)
              js.executeScript(
                  "var e = document.getElementById(arguments[0]); if (!e) return null;"
                      + " var r = e.getBoundingClientRect(); return {left: r.left, right: r.right,"
                      + " width: r.width, height: r.height, inner: window.innerWidth};",
                  id);
      assertThat(box).as(page + ": #" + id).isNotNull();
      double left = ((Number) box.get("left")).doubleValue();
      double right = ((Number) box.get("right")).doubleValue();
      double inner = ((Number) box.get("inner")).doubleValue();
      assertThat(left).as(page + ": #" + id + " left edge").isGreaterThanOrEqualTo(0);
      assertThat(right).as(page + ": #" + id + " right edge").isLessThanOrEqualTo(inner);
      assertThat(((Number) box.get("width")).doubleValue()).as("#" + id).isGreaterThanOrEqualTo(24);
      assertThat(((Number) box.get("height")).doubleValue())
          .as("#" + id)
          .isGreaterThanOrEqualTo(24);
    }
  }

  /** Per-arm data in an API answer: arm codes or labels of participants, per-arm figures. */
  private static void armData(JsonNode node, String path, List<String> found) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                String name = field.getKey();
                JsonNode value = field.getValue();
                String at = path + "/" + name;
                if (path.isEmpty() && name.equals("trial")) {
                  return; // the overview's copy of the public registry record
                }
                if (List.of("armCode", "experimentalArm", "experimentalCode", "arm", "sequence")
                        .contains(name)
                    && !value.isNull()) {
                  found.add(at + "=" + value);
                } else if (List.of("arms", "comparisons", "comparison").contains(name)
                    && !value.isNull()
                    && !(value.isArray() && value.isEmpty())) {
                  found.add(at + "=" + value);
                }
                armData(value, at, found);
              });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        armData(node.get(i), path + "/" + i, found);
      }
    }
  }

  private static void assertNoSeriousAccessibilityViolations(Browser browser) throws IOException {
    String axe;
    try (InputStream in = DashboardIT.class.getResourceAsStream("/axe/axe.min.js")) {
      axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var js = (JavascriptExecutor) browser.driver();
    js.executeScript(axe);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations =
        (List<Map<String, Object>>)
            js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                    + ".then(function (r) { done(r.violations.map(function (v) {"
                    + "  return {id: v.id, impact: v.impact, help: v.help,"
                    + "          nodes: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; })); })"
                    + ".catch(function (e) { done([{id: 'axe-failed', impact: 'critical', help: String(e)}]); });");
    violations.forEach(v -> System.out.println("axe: " + v));
    assertThat(violations)
        .as("serious or critical accessibility violations")
        .filteredOn(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .isEmpty();
  }

  private static void screenshot(Browser browser) throws IOException {
    var js = (JavascriptExecutor) browser.driver();
    js.executeScript("document.getElementById('analytics').scrollIntoView()");
    byte[] png = browser.driver().getScreenshotAs(OutputType.BYTES);
    Path target = stack.root().resolve("system-tests/target/dashboard.png");
    Files.createDirectories(target.getParent());
    Files.write(target, png);
  }

  private static JsonNode get(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return Trials.parse(response.body());
  }

  private static List<JsonNode> stream(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  @SuppressWarnings("unused")
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
