package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.ConsortFlow;
import org.psybiome.trial.api.Screening;
import org.psybiome.trial.repository.ParticipantEntity;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.ParticipantStatusEntity;
import org.psybiome.trial.repository.ParticipantStatusRepository;
import org.psybiome.trial.repository.ScreeningEntity;
import org.psybiome.trial.repository.ScreeningRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialRepository;

/**
 * The CONSORT 2010 flow of a trial, from its screening log, its participants and their follow-up;
 * and the screening log itself (people assessed and not enrolled, anonymous).
 */
@ApplicationScoped
public class ConsortFlows {

  private final TrialRepository trials;
  private final ParticipantRepository participants;
  private final ParticipantStatusRepository statuses;
  private final ScreeningRepository screenings;
  private final AuditTrail audit;
  private final ObjectMapper json;
  private final Clock clock;

  ConsortFlows(
      TrialRepository trials,
      ParticipantRepository participants,
      ParticipantStatusRepository statuses,
      ScreeningRepository screenings,
      AuditTrail audit,
      ObjectMapper json,
      Clock clock) {
    this.trials = trials;
    this.participants = participants;
    this.statuses = statuses;
    this.screenings = screenings;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  /** Logs a person assessed and not enrolled; audited. */
  @Transactional
  public Screening screened(Caller caller, String trialId, Screening screening) {
    TrialEntity trial =
        trials.findForUpdate(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireRole(trial, caller, Roles.REGISTRANT, "log screenings");
    if (!trial.status.isRegistered()) {
      throw ProblemException.conflict(trialId + " is a draft: nobody is screened for it yet");
    }
    if (screening.screenedOn().isAfter(LocalDate.now(clock))) {
      throw ProblemException.invalid(
          "The screening date is in the future",
          List.of(Violation.of("screenedOn", "must not be in the future")));
    }
    ScreeningEntity entry = new ScreeningEntity();
    entry.trialId = trialId;
    entry.screenedOn = screening.screenedOn();
    entry.outcome = screening.outcome();
    entry.reason = screening.reason();
    entry.recordedAt = Instant.now(clock);
    entry.recordedBy = caller.subject();
    screenings.persist(entry);
    screenings.flush();
    audit.record(
        trialId,
        caller,
        "SCREENING_LOGGED",
        null,
        screening.reason(),
        json.valueToTree(
            List.of(
                Map.of(
                    "op",
                    "add",
                    "path",
                    "/screenings/" + entry.id,
                    "to",
                    Map.of(
                        "screenedOn", entry.screenedOn.toString(),
                        "outcome", entry.outcome.name())))));
    return new Screening(entry.id, entry.screenedOn, entry.outcome, entry.reason);
  }

  /** The CONSORT flow of a trial for its consortium; per arm only for who may see arms. */
  @Transactional
  public ConsortFlow consort(Caller caller, String trialId) {
    TrialEntity trial =
        trials.findForReading(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireMember(trial, caller, "CONSORT flow");
    List<ParticipantEntity> all = participants.ofTrial(trialId);
    Map<String, List<ParticipantStatusEntity>> history = new HashMap<>();
    for (var entry : statuses.ofTrial(trialId)) {
      history.computeIfAbsent(entry.code, k -> new ArrayList<>()).add(entry);
    }
    boolean visible = TrialAccess.canSeeAllocations(trial, caller);
    List<ConsortFlow.ArmCounts> arms = new ArrayList<>();
    var content = ArmCodes.coded(trial.content(), json);
    var crossover = content.design() == null ? null : content.design().crossover();
    if (visible && crossover != null) {
      // a crossover trial's groups are its treatment sequences
      Map<String, String> labels = ArmCodes.labels(content);
      for (var sequence : crossover.sequences()) {
        arms.add(
            new ConsortFlow.ArmCounts(
                sequence.code(),
                sequence.code()
                    + ": "
                    + String.join(
                        " → ",
                        sequence.arms().stream().map(a -> labels.getOrDefault(a, a)).toList()),
                ConsortCounts.of(
                    all.stream().filter(p -> sequence.code().equals(p.sequenceCode)).toList(),
                    history)));
      }
    } else if (visible) {
      for (var arm : content.arms()) {
        arms.add(
            new ConsortFlow.ArmCounts(
                arm.code(),
                arm.label(),
                ConsortCounts.of(
                    all.stream().filter(p -> arm.code().equals(p.armCode)).toList(), history)));
      }
    }
    return new ConsortFlow(
        trialId,
        !visible,
        eligibility(screenings.ofTrial(trialId), all.size()),
        ConsortCounts.of(all, history),
        arms);
  }

  /** Assessed = excluded at screening + enrolled; exclusions grouped as CONSORT groups them. */
  private static ConsortFlow.Eligibility eligibility(List<ScreeningEntity> log, int enrolled) {
    long notMeeting = 0;
    long declined = 0;
    Map<String, Long> other = new TreeMap<>();
    for (ScreeningEntity s : log) {
      switch (s.outcome) {
        case NOT_MEETING_INCLUSION_CRITERIA -> notMeeting++;
        case DECLINED_TO_PARTICIPATE -> declined++;
        case OTHER -> other.merge(s.reason == null ? "not given" : s.reason, 1L, Long::sum);
      }
    }
    List<ConsortFlow.Reason> reasons = new ArrayList<>();
    other.forEach((reason, n) -> reasons.add(new ConsortFlow.Reason(reason, n)));
    long otherTotal = other.values().stream().mapToLong(Long::longValue).sum();
    return new ConsortFlow.Eligibility(
        log.size() + (long) enrolled,
        log.size(),
        notMeeting,
        declined,
        new ConsortFlow.Reasons(otherTotal, reasons));
  }
}
