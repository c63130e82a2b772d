package org.psybiome.trial.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.psybiome.trial.api.Republication;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.repository.ParticipantEntity;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.service.events.TrialEvents;

/**
 * Republishes the current state of every registered trial and its participants through the outbox
 * (decision 25), so that a consumer that lost what it knew — Kafka's data gone, PostgreSQL kept —
 * can learn it again. Each trial in a transaction of its own, holding its row's lock so no change
 * of it is written in between: its snapshot and its participants' snapshots are relayed together,
 * in that order, on the trial's partition. Drafts are private and never published.
 */
@ApplicationScoped
public class TrialRepublisher {

  private final TrialRepository trials;
  private final ParticipantRepository participants;
  private final TrialViews views;
  private final TrialEvents events;

  TrialRepublisher(
      TrialRepository trials,
      ParticipantRepository participants,
      TrialViews views,
      TrialEvents events) {
    this.trials = trials;
    this.participants = participants;
    this.views = views;
    this.events = events;
  }

  public Republication republishAll() {
    List<String> ids = QuarkusTransaction.requiringNew().call(trials::registeredIds);
    int trialCount = 0;
    long participantCount = 0;
    for (String id : ids) {
      Long published = QuarkusTransaction.requiringNew().call(() -> republish(id));
      if (published != null) {
        trialCount++;
        participantCount += published;
      }
    }
    Log.infof(
        "Republished %d trials and %d participants to the outbox", trialCount, participantCount);
    return new Republication(trialCount, participantCount);
  }

  /** The trial's snapshot and its participants'; null when it is gone or not registered. */
  private Long republish(String id) {
    var entity = trials.findForUpdate(id).filter(t -> t.status.isRegistered());
    if (entity.isEmpty()) {
      return null;
    }
    Trial trial = views.trial(entity.get());
    events.snapshot(trial);
    var design = trial.content().design();
    var crossover = design == null ? null : design.crossover();
    long count = 0;
    for (ParticipantEntity p : participants.ofTrial(id)) {
      events.participantSnapshot(
          id, p.code, p.enrolledOn, p.arm, p.armCode, p.sequenceCode, crossover);
      count++;
    }
    return count;
  }
}
