package org.psybiome.trial.service.imports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.PartialDate;
import org.psybiome.trial.model.TrialContent.KeyDates;
import org.psybiome.trial.model.TrialContent.Milestone;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.imports.ImportedStudy.HistoricStatus;

/**
 * The status history a ClinicalTrials.gov record's dates show. ClinicalTrials.gov publishes the
 * current status only; this derives no more than its dates tell, each entry saying which date it
 * comes from:
 *
 * <ol>
 *   <li>NOT_YET_RECRUITING (the current status): since the record was first submitted.
 *   <li>Otherwise, with an ACTUAL study start: RECRUITING (ENROLLING_BY_INVITATION when that is the
 *       status) from the start date.
 *   <li>Then the current status, unless it is that one: COMPLETED and TERMINATED from the ACTUAL
 *       study completion date (else the ACTUAL primary completion date); ACTIVE_NOT_RECRUITING from
 *       the ACTUAL primary completion date, by which recruitment had ended; any other status, and
 *       these without such a date, from the month the status was last verified, the one date
 *       ClinicalTrials.gov ties to the status itself. SUSPENDED, TERMINATED and WITHDRAWN carry
 *       {@code whyStopped} as their reason.
 * </ol>
 *
 * Nothing is derived for a status no date shows (ACTIVE_NOT_RECRUITING between recruiting and
 * completed, a suspension that ended). A month-only date takes effect on the first day of its
 * month, and the entry says so. Dates never go back: an entry whose date is before the previous
 * one's takes the previous date, and says so. With UNKNOWN, the history ends in the last known
 * status.
 */
final class CtgovStatusHistory {

  private CtgovStatusHistory() {}

  /**
   * @param status the current status, for UNKNOWN the last known one; null gives no history
   * @param firstSubmitted when the record was first submitted to ClinicalTrials.gov
   * @param lastUpdatePosted the date of the record's version, standing in for a missing
   *     status-verified date
   */
  static List<HistoricStatus> derive(
      TrialStatus status,
      KeyDates dates,
      String whyStopped,
      LocalDate firstSubmitted,
      LocalDate lastUpdatePosted) {
    List<HistoricStatus> history = new ArrayList<>();
    if (status == null) {
      return history;
    }
    if (status == TrialStatus.NOT_YET_RECRUITING) {
      if (firstSubmitted != null) {
        history.add(
            new HistoricStatus(
                status,
                firstSubmitted,
                "Since the record was first submitted to ClinicalTrials.gov ("
                    + firstSubmitted
                    + "), before the anticipated study start"));
      }
      return history;
    }
    TrialStatus recruiting =
        status == TrialStatus.ENROLLING_BY_INVITATION
            ? TrialStatus.ENROLLING_BY_INVITATION
            : TrialStatus.RECRUITING;
    Milestone start = dates == null ? null : dates.studyStart();
    if (actual(start)) {
      add(history, recruiting, start.date(), "From the actual study start date ({date})");
    }
    if (status == recruiting && !history.isEmpty()) {
      return history;
    }
    // a stop's reason is why it stopped, word for word, as a registrant's would be (and as the
    // export gives it back); where its date came from is then not said
    String stopped =
        status.isStop() && whyStopped != null && !whyStopped.isBlank() ? whyStopped : null;
    Milestone completion = dates == null ? null : dates.studyCompletion();
    Milestone primary = dates == null ? null : dates.primaryCompletion();
    if ((status == TrialStatus.COMPLETED || status == TrialStatus.TERMINATED)
        && actual(completion)) {
      addStop(
          history,
          status,
          completion.date(),
          stopped,
          "From the actual study completion date ({date})");
    } else if ((status == TrialStatus.COMPLETED
            || status == TrialStatus.TERMINATED
            || status == TrialStatus.ACTIVE_NOT_RECRUITING)
        && actual(primary)) {
      addStop(
          history,
          status,
          primary.date(),
          stopped,
          "From the actual primary completion date ({date})"
              + (status == TrialStatus.ACTIVE_NOT_RECRUITING
                  ? ", by which recruitment had ended; when it ended is not given"
                  : ""));
    } else if (dates != null && dates.statusVerified() != null) {
      addStop(
          history,
          status,
          dates.statusVerified(),
          stopped,
          "From the month ClinicalTrials.gov's status was last verified ({date}); when the"
              + " status began is not given");
    } else if (lastUpdatePosted != null) {
      addStop(
          history,
          status,
          PartialDate.of(lastUpdatePosted),
          stopped,
          "From the record's last update on ClinicalTrials.gov ({date}); when the status began"
              + " is not given");
    }
    return history;
  }

  private static boolean actual(Milestone milestone) {
    return milestone != null && milestone.type() == DateType.ACTUAL;
  }

  /** Adds the stop at {@code date} with why it stopped as its reason, else as {@link #add}. */
  private static void addStop(
      List<HistoricStatus> history,
      TrialStatus status,
      PartialDate date,
      String whyStopped,
      String reason) {
    if (whyStopped == null) {
      add(history, status, date, reason);
      return;
    }
    history.add(
        new HistoricStatus(status, notBeforePrevious(history, date.earliest()), whyStopped));
  }

  private static void add(
      List<HistoricStatus> history, TrialStatus status, PartialDate date, String reason) {
    LocalDate effective = date.earliest();
    String why = reason.replace("{date}", date.toString());
    if (!date.hasDay()) {
      why += "; ClinicalTrials.gov gives " + date + " only: taken as its first day";
    }
    LocalDate kept = notBeforePrevious(history, effective);
    if (!kept.equals(effective)) {
      why += "; that is before the previous status, so its date (" + kept + ") is used";
    }
    history.add(new HistoricStatus(status, kept, why));
  }

  private static LocalDate notBeforePrevious(List<HistoricStatus> history, LocalDate effective) {
    if (!history.isEmpty()) {
      LocalDate previous = history.get(history.size() - 1).effectiveDate();
      if (effective.isBefore(previous)) {
        return previous;
      }
    }
    return effective;
  }
}
