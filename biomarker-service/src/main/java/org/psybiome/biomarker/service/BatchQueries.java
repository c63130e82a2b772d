package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.repository.ResultStore;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Reading ingested batches: only the owning consortium's pipeline, readers and statisticians. */
@ApplicationScoped
public class BatchQueries {

  private final ResultStore results;
  private final TrialKnowledge knowledge;

  BatchQueries(ResultStore results, TrialKnowledge knowledge) {
    this.results = results;
    this.knowledge = knowledge;
  }

  public BatchSummary batch(Caller caller, UUID id) {
    // Another consortium's batch answers like a missing one.
    return results
        .batch(id)
        .filter(
            b ->
                knowledge
                    .trial(b.trialId())
                    .map(t -> ownsAsReader(caller, t.consortium()))
                    .orElse(false))
        .orElseThrow(() -> ProblemException.notFound("No batch " + id));
  }

  static boolean ownsAsReader(Caller caller, String consortium) {
    return caller.actsFor(consortium, Roles.PIPELINE)
        || caller.actsFor(consortium, Roles.READER)
        || caller.actsFor(consortium, Roles.STATISTICIAN);
  }
}
