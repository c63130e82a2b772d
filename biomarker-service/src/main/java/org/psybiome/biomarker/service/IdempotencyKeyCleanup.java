package org.psybiome.biomarker.service;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.biomarker.repository.IdempotencyKeyStore;

/**
 * Deletes Idempotency-Keys past their retention (BiomarkerConfig.idempotency), so that the table
 * holds about a week of keys rather than every key ever sent. Every replica runs it; deleting what
 * another replica deleted already is harmless.
 */
@ApplicationScoped
public class IdempotencyKeyCleanup {

  private final IdempotencyKeyStore keys;
  private final BiomarkerConfig config;

  IdempotencyKeyCleanup(IdempotencyKeyStore keys, BiomarkerConfig config) {
    this.keys = keys;
    this.config = config;
  }

  @Scheduled(
      identity = "idempotency-key-cleanup",
      every = "${psybiome.biomarker.idempotency.cleanup-every:1h}",
      concurrentExecution = ConcurrentExecution.SKIP)
  public void deleteExpired() {
    int deleted = keys.deleteExpired(config.idempotency().retention());
    if (deleted > 0) {
      Log.infof("Deleted %d expired Idempotency-Keys", deleted);
    }
  }
}
