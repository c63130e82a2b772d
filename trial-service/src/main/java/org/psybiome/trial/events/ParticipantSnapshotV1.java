package org.psybiome.trial.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code org.psybiome.trial.participant-snapshot.v1}: a participant's allocation as it is
 * stored, republished on request (docs/events/trial.participant-snapshot.v1.schema.json). Either
 * {@code arm} and {@code armCode} (a parallel-group trial) or {@code sequenceCode} and {@code
 * periods} (crossover, N-of-1); the other pair left out. Carries the arm, so on the internal
 * allocations topic only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParticipantSnapshotV1(
    String trialId,
    String code,
    LocalDate enrolledOn,
    String arm,
    String armCode,
    String sequenceCode,
    List<SequenceAllocatedV1.PeriodTreatment> periods) {}
