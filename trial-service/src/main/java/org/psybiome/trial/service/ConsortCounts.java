package org.psybiome.trial.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psybiome.trial.api.ConsortFlow.Counts;
import org.psybiome.trial.api.ConsortFlow.Reason;
import org.psybiome.trial.api.ConsortFlow.Reasons;
import org.psybiome.trial.model.FollowUpStatus;
import org.psybiome.trial.repository.ParticipantEntity;
import org.psybiome.trial.repository.ParticipantStatusEntity;

/**
 * The CONSORT counts of a group of participants: each participant counts once in each box whose
 * status it ever had (a participant who received the intervention and then discontinued it is in
 * both), with the reason it gave for that status.
 */
final class ConsortCounts {

  private ConsortCounts() {}

  static Counts of(
      Collection<ParticipantEntity> participants,
      Map<String, List<ParticipantStatusEntity>> history) {
    long received = 0;
    long lost = 0;
    long completed = 0;
    long unblinded = 0;
    Map<String, Long> notReceived = new TreeMap<>();
    Map<String, Long> discontinued = new TreeMap<>();
    Map<String, Long> withdrew = new TreeMap<>();
    for (ParticipantEntity p : participants) {
      var entries = history.getOrDefault(p.code, List.of());
      if (p.emergencyUnblindedAt != null) {
        unblinded++;
      }
      if (ever(entries, FollowUpStatus.RECEIVED_ALLOCATED_INTERVENTION)) {
        received++;
      }
      if (ever(entries, FollowUpStatus.LOST_TO_FOLLOW_UP)) {
        lost++;
      }
      if (ever(entries, FollowUpStatus.COMPLETED)) {
        completed++;
      }
      reason(entries, FollowUpStatus.DID_NOT_RECEIVE_ALLOCATED_INTERVENTION, notReceived);
      reason(entries, FollowUpStatus.DISCONTINUED_INTERVENTION, discontinued);
      reason(entries, FollowUpStatus.WITHDREW_CONSENT, withdrew);
    }
    return new Counts(
        participants.size(),
        received,
        reasons(notReceived),
        reasons(discontinued),
        lost,
        reasons(withdrew),
        completed,
        unblinded);
  }

  private static boolean ever(List<ParticipantStatusEntity> entries, FollowUpStatus status) {
    return entries.stream().anyMatch(e -> e.status == status);
  }

  /** The reason of the participant's first entry of that status, once per participant. */
  private static void reason(
      List<ParticipantStatusEntity> entries, FollowUpStatus status, Map<String, Long> counts) {
    entries.stream()
        .filter(e -> e.status == status)
        .findFirst()
        .ifPresent(e -> counts.merge(e.reason == null ? "not given" : e.reason, 1L, Long::sum));
  }

  private static Reasons reasons(Map<String, Long> counts) {
    List<Reason> reasons = new ArrayList<>();
    counts.forEach((reason, n) -> reasons.add(new Reason(reason, n)));
    return new Reasons(counts.values().stream().mapToLong(Long::longValue).sum(), reasons);
  }
}
