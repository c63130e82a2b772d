package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psybiome.biomarker.model.ResultCount;
import org.psybiome.biomarker.model.TrialResultCounts;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.common.security.Caller;

/**
 * How many results a trial has per visit and analyte (corrections applied), for the gateway's trial
 * overview. Visible to the same callers as the results themselves ({@link ResultAccess#canRead}).
 */
@ApplicationScoped
public class ResultCounts {

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;

  ResultCounts(CurrentResultStore results, TrialSnapshots snapshots) {
    this.results = results;
    this.snapshots = snapshots;
  }

  public TrialResultCounts counts(Caller caller, String trialId) {
    snapshots
        .trial(trialId)
        .filter(t -> ResultAccess.canRead(t, caller))
        .orElseThrow(() -> ResultAccess.trialNotFound(trialId));
    List<ResultCount> counts = results.counts(trialId);
    long total = counts.stream().mapToLong(ResultCount::results).sum();
    return new TrialResultCounts(trialId, total, counts);
  }
}
