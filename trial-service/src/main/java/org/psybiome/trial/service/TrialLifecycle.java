package org.psybiome.trial.service;

import static org.psybiome.trial.model.TrialStatus.ACTIVE_NOT_RECRUITING;
import static org.psybiome.trial.model.TrialStatus.COMPLETED;
import static org.psybiome.trial.model.TrialStatus.DRAFT;
import static org.psybiome.trial.model.TrialStatus.ENROLLING_BY_INVITATION;
import static org.psybiome.trial.model.TrialStatus.NOT_YET_RECRUITING;
import static org.psybiome.trial.model.TrialStatus.RECRUITING;
import static org.psybiome.trial.model.TrialStatus.SUSPENDED;
import static org.psybiome.trial.model.TrialStatus.TERMINATED;
import static org.psybiome.trial.model.TrialStatus.WITHDRAWN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.psybiome.trial.model.TrialStatus;

/**
 * The status lifecycle: forward only; SUSPENDED resumes no earlier than where it stopped;
 * COMPLETED, TERMINATED and WITHDRAWN are final; WITHDRAWN only before anyone is enrolled,
 * TERMINATED only after (before that, a trial that stops is withdrawn). UNKNOWN, which only an
 * import from a registry that derived it sets, leaves for whatever the registrant confirms; no
 * change leads to it.
 */
public final class TrialLifecycle {

  private static final Map<TrialStatus, Integer> STAGE =
      Map.of(
          NOT_YET_RECRUITING, 1,
          RECRUITING, 2,
          ENROLLING_BY_INVITATION, 2,
          ACTIVE_NOT_RECRUITING, 3);

  private TrialLifecycle() {}

  /**
   * Where a trial in {@code current} may go next.
   *
   * @param resumeFrom for SUSPENDED, the status it was suspended from
   * @param enrolled how many participants it has
   */
  public static Set<TrialStatus> allowedFrom(
      TrialStatus current, TrialStatus resumeFrom, long enrolled) {
    Set<TrialStatus> allowed = EnumSet.noneOf(TrialStatus.class);
    switch (current) {
      case DRAFT -> allowed.addAll(Set.of(NOT_YET_RECRUITING, RECRUITING, ENROLLING_BY_INVITATION));
      case NOT_YET_RECRUITING ->
          allowed.addAll(Set.of(RECRUITING, ENROLLING_BY_INVITATION, SUSPENDED, WITHDRAWN));
      case RECRUITING, ENROLLING_BY_INVITATION ->
          allowed.addAll(
              Set.of(
                  current == RECRUITING ? ENROLLING_BY_INVITATION : RECRUITING,
                  ACTIVE_NOT_RECRUITING,
                  SUSPENDED,
                  COMPLETED,
                  TERMINATED,
                  WITHDRAWN));
      case ACTIVE_NOT_RECRUITING -> allowed.addAll(Set.of(SUSPENDED, COMPLETED, TERMINATED));
      case SUSPENDED -> {
        int stage = resumeFrom == null ? 1 : STAGE.getOrDefault(resumeFrom, 1);
        STAGE.forEach(
            (status, s) -> {
              if (s >= stage) {
                allowed.add(status);
              }
            });
        allowed.addAll(Set.of(TERMINATED, WITHDRAWN));
      }
      case UNKNOWN ->
          allowed.addAll(
              Set.of(
                  NOT_YET_RECRUITING,
                  RECRUITING,
                  ENROLLING_BY_INVITATION,
                  ACTIVE_NOT_RECRUITING,
                  SUSPENDED,
                  COMPLETED,
                  TERMINATED,
                  WITHDRAWN));
      default -> {
        // terminal
      }
    }
    if (enrolled > 0) {
      allowed.remove(WITHDRAWN);
    } else {
      allowed.remove(TERMINATED);
      allowed.remove(COMPLETED);
    }
    allowed.remove(DRAFT);
    allowed.remove(TrialStatus.UNKNOWN);
    return allowed;
  }
}
