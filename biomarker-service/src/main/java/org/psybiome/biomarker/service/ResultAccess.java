package org.psybiome.biomarker.service;

import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/**
 * Who may do what with a trial's results. Results belong to the consortium that owns the trial: to
 * anyone else the trial answers like an unknown one (404), so its existence is not disclosed. Every
 * resource and service asks here rather than naming roles itself.
 */
public final class ResultAccess {

  private ResultAccess() {}

  /**
   * Posting and correcting results: only the owning consortium's pipeline. The lab that reported a
   * value is the one that can say it was wrong; a statistician analyses data and must not change
   * it.
   */
  public static boolean canWrite(TrialSnapshot trial, Caller caller) {
    return caller.actsFor(trial.consortium(), Roles.PIPELINE);
  }

  /**
   * Results themselves, batches, counts, histories and exports: the owning consortium's pipeline,
   * readers and statisticians, blinded or not. Results carry no arms; what blinding still hides are
   * the values that reveal the allocation by themselves (service.blinding).
   */
  public static boolean canRead(TrialSnapshot trial, Caller caller) {
    return canWrite(trial, caller)
        || caller.actsFor(trial.consortium(), Roles.READER)
        || caller.actsFor(trial.consortium(), Roles.STATISTICIAN)
        || caller.actsFor(trial.consortium(), Roles.BLINDED_STATISTICIAN);
  }

  /**
   * What is computed from results without showing a value of anyone (drift counts, pooled
   * summaries): the readers of the results and the consortium's registrants.
   */
  public static boolean canReadAggregates(TrialSnapshot trial, Caller caller) {
    return canRead(trial, caller) || caller.actsFor(trial.consortium(), Roles.REGISTRANT);
  }

  /**
   * Per-arm figures reveal the allocation: while a trial is blinded only the owning consortium's
   * statistician sees them.
   */
  public static boolean canSeeArms(TrialSnapshot trial, Caller caller) {
    return !trial.blinded() || caller.actsFor(trial.consortium(), Roles.STATISTICIAN);
  }

  /**
   * Per-participant values that reveal the allocation without naming an arm (the abundance of a
   * probiotic's own genera, an FMT recipient's whole profile: see service.blinding): those who see
   * arms, and the owning consortium's pipeline, which reported the values and must find them to
   * correct them.
   */
  public static boolean canSeeAllocationRevealingResults(TrialSnapshot trial, Caller caller) {
    return canSeeArms(trial, caller) || canWrite(trial, caller);
  }

  /** The answer to a caller who may not see the trial: as if it did not exist. */
  public static ProblemException trialNotFound(String trialId) {
    return ProblemException.notFound("No trial " + trialId + " of your consortium");
  }
}
