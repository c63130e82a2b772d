package org.psybiome.trial.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code org.psybiome.trial.sequence-allocated.v1}: a participant of a crossover or N-of-1
 * trial enrolled with a treatment sequence, and the arm it receives in each period. On the internal
 * allocations topic only, as it reveals treatments
 * (docs/events/trial.sequence-allocated.v1.schema.json).
 */
public record SequenceAllocatedV1(
    String trialId,
    String code,
    String sequenceCode,
    LocalDate enrolledOn,
    List<PeriodTreatment> periods) {

  /** The arm (by code) the participant receives in a period (by code). */
  public record PeriodTreatment(String period, String armCode) {}
}
