package org.psybiome.systemtests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;

/**
 * Takes the README's first screen, docs/dashboard.png, from the demo: the dashboard of the running
 * {@code ./psybiome up --demo} stack, signed in as the demo consortium's unblinded statistician, on
 * the demo's randomised FMT trial. On demand, never in the build (its name matches neither the
 * unit-test nor the IT pattern); run in the test phase, so that nothing is packaged under the
 * running stack:
 *
 * <pre>
 * ./psybiome up --demo
 * ./mvnw -B test -pl system-tests -am -Dtest=DemoScreenshot -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dpsybiome.demo.trial=PSB-... \
 *   -Dpsybiome.demo.token="$(./psybiome token --role statistician --consortium MINDGUT)"
 * </pre>
 */
class DemoScreenshot {

  @Test
  void theDemosStatisticianSeesTheFmtTrial() throws Exception {
    String gateway = System.getProperty("psybiome.demo.gateway", "http://127.0.0.1:8080");
    String token = System.getProperty("psybiome.demo.token");
    String trial = System.getProperty("psybiome.demo.trial");
    assertThat(token).as("-Dpsybiome.demo.token").isNotBlank();
    assertThat(trial).as("-Dpsybiome.demo.trial").isNotBlank();
    try (Browser browser = new Browser(1280, 1500)) {
      var driver = browser.driver();
      driver.get(gateway + "/");
      ((JavascriptExecutor) driver)
          .executeScript("sessionStorage.setItem('psybiome.token', arguments[0])", token);
      driver.get(gateway + "/#/trials/" + trial);
      DashboardPages.awaitSignedInSections(browser, Duration.ofSeconds(60));
      ((JavascriptExecutor) driver)
          .executeScript("document.getElementById('analytics').scrollIntoView()");
      Path out =
          Path.of(System.getProperty("psybiome.demo.out", "../docs/dashboard.png"))
              .toAbsolutePath();
      Files.write(out, driver.getScreenshotAs(OutputType.BYTES));
      assertThat(browser.errors()).as("console errors").isEmpty();
      System.out.println("Wrote " + out);
    }
  }
}
