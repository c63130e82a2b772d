package org.psybiome.trial.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.PartialDate;
import org.psybiome.trial.model.RegistrationTiming;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/**
 * Prospective or retrospective registration, by ICMJE's test: registered at or before the first
 * participant's enrolment. The registration date is the one of the registry the trial was first
 * registered in (first submitted, else first posted), else the date it was registered here; the
 * first enrolment is the earliest of the actual study start and the participants' enrolment dates.
 */
final class RegistrationTimings {

  private RegistrationTimings() {}

  /**
   * An ACTUAL start; or a start the source gave no type (older ClinicalTrials.gov records) of a
   * trial whose status says it started.
   */
  private static boolean hasStarted(TrialContent.Milestone start, TrialStatus status) {
    if (start.type() != null) {
      return start.type() == DateType.ACTUAL;
    }
    return switch (status) {
      case RECRUITING, ENROLLING_BY_INVITATION, ACTIVE_NOT_RECRUITING, COMPLETED, TERMINATED ->
          true;
      default -> false;
    };
  }

  static RegistrationTiming of(
      TrialStatus status,
      LocalDate registeredHere,
      TrialContent content,
      Optional<LocalDate> firstParticipantEnrolled) {
    if (!status.isRegistered()) {
      return null;
    }
    var original = content.originalRegistration();
    LocalDate registered =
        original != null && original.firstSubmitted() != null
            ? original.firstSubmitted()
            : original != null && original.firstPosted() != null
                ? original.firstPosted()
                : registeredHere;
    List<PartialDate> enrolments = new ArrayList<>();
    firstParticipantEnrolled.map(PartialDate::of).ifPresent(enrolments::add);
    var dates = content.dates();
    if (dates != null && dates.studyStart() != null && hasStarted(dates.studyStart(), status)) {
      enrolments.add(dates.studyStart().date());
    }
    if (enrolments.isEmpty()) {
      // nobody enrolled yet: registered before anyone was, unless it claims to be enrolling
      boolean enrolling =
          status != TrialStatus.NOT_YET_RECRUITING && status != TrialStatus.WITHDRAWN;
      return enrolling ? RegistrationTiming.UNDETERMINED : RegistrationTiming.PROSPECTIVE;
    }
    PartialDate first = enrolments.stream().min(Comparator.naturalOrder()).orElseThrow();
    if (registered == null) {
      return RegistrationTiming.UNDETERMINED;
    }
    if (!registered.isAfter(first.earliest())) {
      return RegistrationTiming.PROSPECTIVE;
    }
    if (registered.isAfter(first.latest())) {
      return RegistrationTiming.RETROSPECTIVE;
    }
    return RegistrationTiming.UNDETERMINED; // within the month the start is known to
  }
}
