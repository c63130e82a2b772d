package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.psybiome.common.security.Caller;
import org.psybiome.trial.repository.AuditEntryEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;

/** Writes the append-only audit trail, in the transaction of the change it records. */
@ApplicationScoped
public class AuditTrail {

  private final TrialHistoryRepository history;
  private final Clock clock;

  AuditTrail(TrialHistoryRepository history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  void record(
      String trialId,
      Caller caller,
      String action,
      Integer version,
      String reason,
      JsonNode changes) {
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.trialId = trialId;
    entry.at = Instant.now(clock);
    entry.actor = caller.subject();
    entry.consortium = caller.consortium().orElse(null);
    entry.action = action;
    entry.version = version;
    entry.reason = reason;
    entry.changes = changes;
    history.add(entry);
  }
}
