package org.psybiome.persistence.idempotency;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Deletes Idempotency-Keys past their retention, so that the table holds about a day of keys rather
 * than every key ever sent. Every replica runs it; deleting twice is harmless.
 */
@ApplicationScoped
public class IdempotentRequestCleanup {

  private final IdempotentRequests requests;
  private final IdempotencyConfig config;

  IdempotentRequestCleanup(IdempotentRequests requests, IdempotencyConfig config) {
    this.requests = requests;
    this.config = config;
  }

  @Scheduled(
      identity = "idempotent-request-cleanup",
      every = "${psybiome.idempotency.cleanup-every:1h}",
      concurrentExecution = ConcurrentExecution.SKIP)
  public void deleteExpired() {
    int deleted = requests.deleteExpired(config.retention());
    if (deleted > 0) {
      Log.infof("Deleted %d expired Idempotency-Keys", deleted);
    }
  }
}
