package org.psybiome.trial.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A trial as the registry holds it: what the registry assigns (id = TRDS item 1, registration date
 * = item 2, actual enrolment = item 17, status = item 18) and the record its consortium writes. The
 * API's view and the published events are both mapped from this, each in its own shape.
 *
 * @param blinded whether allocations are still hidden: masked and not yet unblinded
 * @param statusHistory every status the trial has had, oldest first
 * @param lastKnownStatus for a trial whose status is UNKNOWN, the status it last had
 * @param registrationTiming whether it was registered before its first enrolment; null for a draft
 * @param source the registry record it was imported from; null for a trial registered here
 */
public record Trial(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    LocalDate registeredOn,
    long actualEnrolment,
    boolean blinded,
    Instant unblindedAt,
    List<DatedStatus> statusHistory,
    Instant createdAt,
    Instant updatedAt,
    TrialContent content,
    TrialStatus lastKnownStatus,
    RegistrationTiming registrationTiming,
    SourceRecord source) {

  /** The entry that made the trial what it is now; null for a draft, which has no status entry. */
  public DatedStatus currentStatus() {
    return statusHistory.isEmpty() ? null : statusHistory.get(statusHistory.size() - 1);
  }
}
