package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psybiome.trial.api.TrialSummary;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.DatedStatus;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;

/**
 * Turns trial entities into the domain's trial and what the API shows; entities never leave the
 * service layer.
 */
@ApplicationScoped
public class TrialViews {

  private final TrialHistoryRepository history;
  private final ParticipantRepository participants;

  TrialViews(TrialHistoryRepository history, ParticipantRepository participants) {
    this.history = history;
    this.participants = participants;
  }

  Trial trial(TrialEntity trial) {
    List<DatedStatus> statuses =
        history.statusHistory(trial.id).stream()
            .map(s -> new DatedStatus(s.status, s.effectiveDate, s.reason, s.recordedAt))
            .toList();
    return new Trial(
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
        trial.content());
  }

  static TrialView view(Trial trial) {
    return TrialViewMapper.INSTANCE.view(trial);
  }

  TrialView view(TrialEntity trial) {
    return view(trial(trial));
  }

  static TrialSummary summary(TrialEntity trial) {
    TrialContent content = trial.content();
    return new TrialSummary(
        trial.id,
        trial.consortium,
        trial.status,
        trial.version,
        trial.registeredOn,
        trial.publicTitle,
        content.acronym(),
        trial.primarySponsor,
        List.of(trial.countries),
        content.conditions().stream().map(c -> c.code()).toList(),
        List.of(trial.interventionTypes));
  }
}
