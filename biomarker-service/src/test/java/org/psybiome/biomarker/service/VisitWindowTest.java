package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialVisit;

/**
 * The window rule by hand: enrolled on 5 January 2026, a visit at day 56 is due on 2 March 2026 (26
 * days of January left + 28 of February = 54, then 2 more); with windowDays 3 the window is 27
 * February to 5 March, both days included, judged by the UTC date of collection.
 */
class VisitWindowTest {

  private static final LocalDate ENROLLED = LocalDate.parse("2026-01-05");
  private static final TrialVisit W8 =
      new TrialVisit("W8", 56, false, List.of(), List.of(), null, 3);

  @Test
  void exactlyWindowDaysBeforeOrAfterIsInTheWindow() {
    assertThat(out(W8, "2026-02-27T00:00:00Z")).isFalse(); // −3 days
    assertThat(out(W8, "2026-03-02T12:00:00Z")).isFalse(); // the day itself
    assertThat(out(W8, "2026-03-05T23:59:59.999Z")).isFalse(); // +3 days, end of the UTC day
  }

  @Test
  void aDayFurtherIsOutOfTheWindow() {
    assertThat(out(W8, "2026-02-26T23:59:59Z")).isTrue(); // −4 days
    assertThat(out(W8, "2026-03-06T00:00:00Z")).isTrue(); // +4 days
  }

  @Test
  void aZeroDayWindowIsTheDayItself() {
    TrialVisit w0 = new TrialVisit("W0", 0, true, List.of(), List.of(), null, 0);
    assertThat(out(w0, "2026-01-05T23:00:00Z")).isFalse();
    assertThat(out(w0, "2026-01-06T00:00:00Z")).isTrue();
    assertThat(out(w0, "2026-01-04T23:59:59Z")).isTrue();
  }

  @Test
  void withoutADeclaredWindowNothingIsOutOfIt() {
    TrialVisit noWindow = new TrialVisit("W8", 56, false, List.of(), List.of());
    assertThat(out(noWindow, "2027-01-01T00:00:00Z")).isFalse();
    // nor without an enrolment date to count from
    assertThat(VisitWindow.outOfWindow(W8, null, Instant.parse("2027-01-01T00:00:00Z"))).isFalse();
  }

  private static boolean out(TrialVisit visit, String collectedAt) {
    return VisitWindow.outOfWindow(visit, ENROLLED, Instant.parse(collectedAt));
  }
}
