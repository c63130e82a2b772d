package org.psybiome.trial.repository;

import java.time.Instant;
import java.time.LocalDate;
import org.psybiome.trial.model.TrialStatus;

/**
 * What a read of one trial needs before it renders anything: who may see the trial, and what its
 * rendering depends on that changes (the version and its time, bumped by every change of the
 * record, and the enrolment, which grows without one). Read in one statement without the record's
 * document.
 */
public record TrialStamp(
    String id,
    String consortium,
    TrialStatus status,
    int version,
    Instant updatedAt,
    ParticipantRepository.Enrolment enrolment) {

  static TrialStamp of(Object[] row) {
    return new TrialStamp(
        (String) row[0],
        (String) row[1],
        (TrialStatus) row[2],
        (Integer) row[3],
        (Instant) row[4],
        ParticipantRepository.Enrolment.kept((Integer) row[5], (LocalDate) row[6]));
  }
}
