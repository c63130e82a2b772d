package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;

/** Reading ingested batches: whoever may read the trial's results ({@link ResultAccess}). */
@ApplicationScoped
public class BatchQueries {

  private final ResultStore results;
  private final TrialSnapshots snapshots;

  BatchQueries(ResultStore results, TrialSnapshots snapshots) {
    this.results = results;
    this.snapshots = snapshots;
  }

  public BatchSummary batch(Caller caller, UUID id) {
    // Another consortium's batch answers like a missing one.
    return results
        .batch(id)
        .filter(
            b ->
                snapshots
                    .trial(b.trialId())
                    .map(t -> ResultAccess.canRead(t, caller))
                    .orElse(false))
        .orElseThrow(() -> ProblemException.notFound("No batch " + id));
  }
}
