package org.psybiome.systemtests.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Waits shared by the dashboard's browser tests. */
final class DashboardPages {

  /** The signed-in trial page's sections, each drawn from the API's answers. */
  static final List<String> SECTIONS =
      List.of(
          "#overview",
          "#trajectory-table",
          "#distribution-table",
          "#analysis-table",
          "#drift-table",
          "#missing-table",
          "#consort svg");

  private DashboardPages() {}

  /** Waits until every section of the trial page is drawn, failing on any that shows an error. */
  static void awaitSignedInSections(Browser browser, Duration wait) {
    var driver = browser.driver();
    try {
      browser
          .waiting(wait)
          .until(
              d ->
                  SECTIONS.stream().allMatch(css -> !d.findElements(By.cssSelector(css)).isEmpty())
                      || !d.findElements(By.cssSelector("#analytics .error")).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError(
          "sections missing: "
              + SECTIONS.stream()
                  .filter(css -> driver.findElements(By.cssSelector(css)).isEmpty())
                  .toList()
              + "; page: "
              + driver.findElement(By.id("main")).getText()
              + "; browser errors: "
              + browser.errors(),
          e);
    }
    assertThat(driver.findElements(By.cssSelector("#analytics .error")))
        .as("sections that failed, browser errors " + browser.errors())
        .extracting(WebElement::getText)
        .isEmpty();
  }
}
