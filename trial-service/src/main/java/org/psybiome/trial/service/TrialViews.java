package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psybiome.trial.api.StatusEntry;
import org.psybiome.trial.api.TrialSummary;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;

/** Maps trial entities to what the API shows; entities never leave the service layer. */
@ApplicationScoped
public class TrialViews {

  private final TrialHistoryRepository history;
  private final ParticipantRepository participants;

  TrialViews(TrialHistoryRepository history, ParticipantRepository participants) {
    this.history = history;
    this.participants = participants;
  }

  TrialView view(TrialEntity trial) {
    List<StatusEntry> statuses =
        history.statusHistory(trial.id).stream()
            .map(s -> new StatusEntry(s.status, s.effectiveDate, s.reason, s.recordedAt))
            .toList();
    return new TrialView(
        trial.id,
        trial.consortium,
        trial.status,
        trial.version,
        trial.registeredOn,
        participants.countByTrial(trial.id),
        trial.isBlinded(),
        trial.unblindedAt,
        statuses,
        trial.createdAt,
        trial.updatedAt,
        trial.content);
  }

  static TrialSummary summary(TrialEntity trial) {
    return new TrialSummary(
        trial.id,
        trial.consortium,
        trial.status,
        trial.version,
        trial.registeredOn,
        trial.publicTitle,
        trial.content.acronym(),
        trial.primarySponsor,
        List.of(trial.countries),
        trial.content.conditions().stream().map(c -> c.code()).toList(),
        List.of(trial.interventionTypes));
  }
}
