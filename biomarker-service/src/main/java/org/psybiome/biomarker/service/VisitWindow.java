package org.psybiome.biomarker.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.psybiome.biomarker.model.TrialVisit;

/**
 * Whether a result was collected on schedule: its collection date (UTC) lies within the visit's
 * window, enrolment date + dayOffset ± windowDays, both ends included. Worked out when results are
 * read, from the trial's current schedule, so a trial that changes its windows later is judged by
 * the new ones.
 */
public final class VisitWindow {

  private VisitWindow() {}

  /**
   * True only when the visit declares a window and the participant's enrolment date is known: a
   * visit without a window has no result out of it.
   */
  public static boolean outOfWindow(TrialVisit visit, LocalDate enrolledOn, Instant collectedAt) {
    if (visit == null || visit.windowDays() == null || enrolledOn == null || collectedAt == null) {
      return false;
    }
    LocalDate target = enrolledOn.plusDays(visit.dayOffset());
    LocalDate collected = LocalDate.ofInstant(collectedAt, ZoneOffset.UTC);
    return collected.isBefore(target.minusDays(visit.windowDays()))
        || collected.isAfter(target.plusDays(visit.windowDays()));
  }
}
