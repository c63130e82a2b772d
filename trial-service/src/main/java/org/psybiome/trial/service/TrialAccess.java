package org.psybiome.trial.service;

import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.repository.TrialEntity;

/**
 * Who may see and change a trial. A draft is private to its consortium: to anyone else it does not
 * exist (404). A registered trial is public; only its consortium changes it.
 */
final class TrialAccess {

  private TrialAccess() {}

  static boolean canRead(TrialEntity trial, Caller caller) {
    return canRead(trial.status, trial.consortium, caller);
  }

  static boolean canRead(TrialStatus status, String consortium, Caller caller) {
    return status.isRegistered() || caller.consortium().map(consortium::equals).orElse(false);
  }

  static boolean isMember(TrialEntity trial, Caller caller) {
    return caller.consortium().map(trial.consortium::equals).orElse(false);
  }

  /** Allocations and per-arm data: always once unblinded, before that only its statisticians. */
  static boolean canSeeAllocations(TrialEntity trial, Caller caller) {
    return !trial.isBlinded() || caller.actsFor(trial.consortium, Roles.STATISTICIAN);
  }

  static void requireReadable(TrialEntity trial, Caller caller) {
    if (!canRead(trial, caller)) {
      throw notFound(trial.id);
    }
  }

  /**
   * What only the owning consortium sees (audit, participants): to anyone else it does not exist
   * (404), even on a public trial, so a 403 does not confirm there is something to see.
   */
  static void requireMember(TrialEntity trial, Caller caller, String what) {
    requireReadable(trial, caller);
    if (!isMember(trial, caller)) {
      throw ProblemException.notFound(
          "No " + what + " of " + trial.id + " for the caller's consortium");
    }
  }

  static void requireRole(TrialEntity trial, Caller caller, String role, String action) {
    requireReadable(trial, caller);
    if (!caller.actsFor(trial.consortium, role)) {
      throw new ProblemException(
          ProblemType.FORBIDDEN,
          "Only a " + role + " of the consortium that owns " + trial.id + " may " + action);
    }
  }

  static ProblemException notFound(String id) {
    return ProblemException.notFound("No trial " + id);
  }
}
