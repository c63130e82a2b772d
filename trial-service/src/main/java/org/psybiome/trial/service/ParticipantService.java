package org.psybiome.trial.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.EmergencyUnblinding;
import org.psybiome.trial.api.Enrolment;
import org.psybiome.trial.api.FollowUpChange;
import org.psybiome.trial.api.FollowUpEntry;
import org.psybiome.trial.api.ParticipantPage;
import org.psybiome.trial.api.ParticipantUnblinding;
import org.psybiome.trial.api.ParticipantView;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.repository.ParticipantEntity;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.ParticipantStatusEntity;
import org.psybiome.trial.repository.ParticipantStatusRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.service.events.TrialEvents;

/**
 * Enrolment under pseudonymous codes while a trial recruits; the allocation is published on the
 * internal topic and hidden from readers while the trial is blinded.
 */
@ApplicationScoped
public class ParticipantService {

  private final TrialRepository trials;
  private final ParticipantRepository participants;
  private final TrialHistoryRepository history;
  private final ParticipantStatusRepository statuses;
  private final AuditTrail audit;
  private final TrialEvents events;
  private final TrialRandomisation randomisation;
  private final com.fasterxml.jackson.databind.ObjectMapper json;
  private final Clock clock;

  ParticipantService(
      TrialRepository trials,
      ParticipantRepository participants,
      TrialHistoryRepository history,
      ParticipantStatusRepository statuses,
      AuditTrail audit,
      TrialEvents events,
      TrialRandomisation randomisation,
      com.fasterxml.jackson.databind.ObjectMapper json,
      Clock clock) {
    this.trials = trials;
    this.participants = participants;
    this.history = history;
    this.statuses = statuses;
    this.audit = audit;
    this.events = events;
    this.randomisation = randomisation;
    this.json = json;
    this.clock = clock;
  }

  @Transactional
  public ParticipantView enrol(Caller caller, String trialId, Enrolment enrolment) {
    // Lock the trial so enrolment and a status change (e.g. to WITHDRAWN) cannot interleave.
    TrialEntity trial =
        trials.lockUnchanged(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireRole(trial, caller, Roles.REGISTRANT, "enrol participants");
    if (!trial.status.isEnrolling()) {
      throw ProblemException.conflict(
          "Participants are enrolled only while a trial is RECRUITING or ENROLLING_BY_INVITATION;"
              + " "
              + trialId
              + " is "
              + trial.status);
    }
    ParticipantCodes.problem(enrolment.code())
        .ifPresent(
            p -> {
              throw ProblemException.invalid(
                  "The participant code " + p, List.of(Violation.of("code", p)));
            });
    TrialContent content = ArmCodes.coded(trial.content(), json);
    var crossover = content.design() == null ? null : content.design().crossover();
    // what the registrant may name: an arm, or a treatment sequence in a crossover or N-of-1 trial
    String named = crossover != null ? enrolment.sequence() : enrolment.arm();
    String field = crossover != null ? "sequence" : "arm";
    String other = crossover != null ? enrolment.arm() : enrolment.sequence();
    if (other != null) {
      throw ProblemException.invalid(
          trialId
              + (crossover != null
                  ? " allocates treatment sequences, not arms"
                  : " has no treatment sequences"),
          List.of(
              Violation.of(
                  crossover != null ? "arm" : "sequence",
                  crossover != null
                      ? "is not given in a crossover or N-of-1 trial: name the sequence"
                      : "is only for crossover and N-of-1 trials")));
    }
    boolean randomised = TrialRandomisation.scheme(content).isPresent();
    // a group named for a randomised trial is history entered as it happened, never a choice now
    boolean historical =
        randomised
            && named != null
            && trial.registeredOn != null
            && enrolment.enrolledOn().isBefore(trial.registeredOn);
    if (randomised && named != null && !historical) {
      throw ProblemException.invalid(
          trialId + " is randomised by the registry: enrol with strata, not an " + field,
          List.of(
              Violation.of(
                  field,
                  "is allocated by the registry; it is given only for an enrolment dated"
                      + " before the trial was registered here ("
                      + trial.registeredOn
                      + ")")));
    }
    if (!randomised && named == null) {
      throw ProblemException.invalid(
          trialId + " declares no randomisation: name the " + field,
          List.of(Violation.of(field, "is required: the trial declares no randomisation")));
    }
    if (participants.exists(trialId, enrolment.code())) {
      throw ProblemException.conflict(
          "A participant " + enrolment.code() + " is already enrolled in " + trialId);
    }
    TrialRandomisation.Allocation allocation = null;
    if (randomised && !historical) {
      allocation =
          randomisation.allocate(
              trial,
              content,
              enrolment.code(),
              enrolment.strata() == null ? Map.of() : enrolment.strata());
    }
    String chosen = allocation != null ? allocation.group() : named;
    TrialContent.Arm arm = crossover == null ? arm(content, trialId, chosen) : null;
    TrialContent.TreatmentSequence sequence =
        crossover == null ? null : sequence(crossover, trialId, chosen);
    LocalDate today = LocalDate.now(clock);
    // A trial registered after it started recruiting enrols with its real, earlier dates: the
    // bound is the date recruitment began, not the date of registration here.
    LocalDate recruitingSince = history.firstEnrollingDate(trialId).orElse(trial.registeredOn);
    if (enrolment.enrolledOn().isAfter(today)
        || (recruitingSince != null && enrolment.enrolledOn().isBefore(recruitingSince))) {
      throw ProblemException.invalid(
          "The enrolment date is impossible",
          List.of(
              Violation.of(
                  "enrolledOn",
                  "must be between the date recruitment began ("
                      + recruitingSince
                      + ") and today")));
    }
    ParticipantEntity participant = new ParticipantEntity();
    participant.trialId = trialId;
    participant.code = enrolment.code();
    participant.arm = arm == null ? null : arm.label();
    participant.armCode = arm == null ? null : arm.code();
    participant.sequenceCode = sequence == null ? null : sequence.code();
    participant.allocation =
        allocation != null ? "RANDOMISED" : historical ? "HISTORICAL" : "REGISTRANT";
    participant.allocationReference = allocation == null ? null : allocation.reference();
    participant.strata = enrolment.strata();
    participant.enrolledOn = enrolment.enrolledOn();
    participant.enrolledAt = Instant.now(clock);
    participant.enrolledBy = caller.subject();
    participants.persist(participant);
    audit.record(
        trialId,
        caller,
        "PARTICIPANT_ENROLLED",
        null,
        null,
        json.valueToTree(
            List.of(
                Map.of(
                    "op",
                    "add",
                    "path",
                    "/participants/" + enrolment.code(),
                    "to",
                    arm != null
                        ? Map.of(
                            "arm", arm.label(),
                            "armCode", arm.code(),
                            "allocation", participant.allocation,
                            "enrolledOn", enrolment.enrolledOn().toString())
                        : Map.of(
                            "sequence", sequence.code(),
                            "allocation", participant.allocation,
                            "enrolledOn", enrolment.enrolledOn().toString())))));
    if (arm != null) {
      events.participantEnrolled(
          trialId, enrolment.code(), arm.label(), arm.code(), enrolment.enrolledOn());
    } else {
      events.sequenceAllocated(
          trialId, enrolment.code(), sequence.code(), enrolment.enrolledOn(), crossover);
    }
    return view(
        participant,
        ArmCodes.labels(content),
        List.of(),
        TrialAccess.canSeeAllocations(trial, caller));
  }

  /** The arm by its code, or by its label as 1.0 clients name it. */
  private static TrialContent.Arm arm(TrialContent content, String trialId, String chosen) {
    var arms = content.arms();
    return arms.stream()
        .filter(a -> a.code().equals(chosen))
        .findFirst()
        .or(() -> arms.stream().filter(a -> a.label().equals(chosen)).findFirst())
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "No such arm in " + trialId,
                    List.of(
                        Violation.of(
                            "arm",
                            "must be the code or label of one of "
                                + arms.stream()
                                    .map(a -> a.code() + " (" + a.label() + ")")
                                    .toList()))));
  }

  private static TrialContent.TreatmentSequence sequence(
      TrialContent.Crossover crossover, String trialId, String chosen) {
    return crossover.sequences().stream()
        .filter(q -> q.code().equals(chosen))
        .findFirst()
        .orElseThrow(
            () ->
                ProblemException.invalid(
                    "No such treatment sequence in " + trialId,
                    List.of(
                        Violation.of(
                            "sequence",
                            "must be one of "
                                + crossover.sequences().stream()
                                    .map(TrialContent.TreatmentSequence::code)
                                    .toList()))));
  }

  @Transactional
  public ParticipantPage list(Caller caller, String trialId, String pageToken, int pageSize) {
    TrialEntity trial =
        trials.findForReading(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireMember(trial, caller, "participants");
    boolean allocations = TrialAccess.canSeeAllocations(trial, caller);
    String after = pageToken == null ? "" : PageTokens.decode(pageToken, String.class);
    List<ParticipantEntity> rows = participants.page(trialId, after, pageSize + 1);
    boolean more = rows.size() > pageSize;
    List<ParticipantEntity> page = more ? rows.subList(0, pageSize) : rows;
    Map<String, String> labels = ArmCodes.labels(ArmCodes.coded(trial.content(), json));
    // the follow-up of this page's participants only, in one query
    Map<String, List<FollowUpEntry>> followUps = new HashMap<>();
    for (var entry : statuses.ofParticipants(trialId, page.stream().map(p -> p.code).toList())) {
      followUps.computeIfAbsent(entry.code, k -> new ArrayList<>()).add(entry(entry));
    }
    return new ParticipantPage(
        page.stream()
            .map(p -> view(p, labels, followUps.getOrDefault(p.code, List.of()), allocations))
            .toList(),
        participants.countByTrial(trialId),
        more ? PageTokens.encode(page.get(page.size() - 1).code) : null);
  }

  /** The arm as it is called now, found by its code. */
  private static ParticipantView view(
      ParticipantEntity p,
      Map<String, String> labels,
      List<FollowUpEntry> followUp,
      boolean allocationVisible) {
    return new ParticipantView(
        p.code,
        allocationVisible && p.armCode != null ? labels.getOrDefault(p.armCode, p.arm) : null,
        p.enrolledOn,
        allocationVisible ? p.armCode : null,
        allocationVisible ? p.sequenceCode : null,
        p.allocation,
        p.allocationReference,
        p.strata,
        p.emergencyUnblindedAt,
        followUp);
  }

  private static FollowUpEntry entry(ParticipantStatusEntity e) {
    return new FollowUpEntry(e.status, e.effectiveDate, e.reason);
  }

  /**
   * Records a step of a participant's follow-up: dated no earlier than its enrolment or its last
   * step and not in the future; a reason for not receiving or discontinuing the intervention and
   * for withdrawing consent; nothing after completion, loss to follow-up or withdrawal. Audited and
   * evented, without the arm.
   */
  @Transactional
  public ParticipantView changeFollowUp(
      Caller caller, String trialId, String code, FollowUpChange change) {
    TrialEntity trial =
        trials.findForUpdate(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireRole(trial, caller, Roles.REGISTRANT, "record participants' follow-up");
    ParticipantEntity participant =
        participants
            .findOne(trialId, code)
            .orElseThrow(
                () -> ProblemException.notFound("No participant " + code + " in " + trialId));
    List<ParticipantStatusEntity> past = statuses.of(trialId, code);
    if (!past.isEmpty() && past.get(past.size() - 1).status.endsFollowUp()) {
      throw ProblemException.conflict(
          code + "'s follow-up ended (" + past.get(past.size() - 1).status + ")");
    }
    if (change.status().needsReason() && (change.reason() == null || change.reason().isBlank())) {
      throw ProblemException.invalid(
          change.status() + " is counted with its reason",
          List.of(Violation.of("reason", "is required for " + change.status())));
    }
    LocalDate earliest =
        past.isEmpty() ? participant.enrolledOn : past.get(past.size() - 1).effectiveDate;
    if (change.effectiveDate().isBefore(earliest)
        || change.effectiveDate().isAfter(LocalDate.now(clock))) {
      throw ProblemException.invalid(
          "The date is impossible",
          List.of(
              Violation.of(
                  "effectiveDate",
                  "must be between " + earliest + " (enrolment or the last step) and today")));
    }
    ParticipantStatusEntity entry = new ParticipantStatusEntity();
    entry.trialId = trialId;
    entry.code = code;
    entry.seq = past.size() + 1;
    entry.status = change.status();
    entry.effectiveDate = change.effectiveDate();
    entry.reason = change.reason();
    entry.recordedAt = Instant.now(clock);
    entry.recordedBy = caller.subject();
    statuses.persist(entry);
    audit.record(
        trialId,
        caller,
        "PARTICIPANT_STATUS_CHANGED",
        null,
        change.reason(),
        json.valueToTree(
            List.of(
                Map.of(
                    "op",
                    "add",
                    "path",
                    "/participants/" + code + "/followUp/-",
                    "to",
                    Map.of(
                        "status", change.status().name(),
                        "effectiveDate", change.effectiveDate().toString())))));
    events.participantStatusChanged(
        trialId, code, change.status(), change.effectiveDate(), change.reason());
    List<FollowUpEntry> followUp = new ArrayList<>();
    past.forEach(e -> followUp.add(entry(e)));
    followUp.add(entry(entry));
    Map<String, String> labels = ArmCodes.labels(ArmCodes.coded(trial.content(), json));
    return view(participant, labels, followUp, TrialAccess.canSeeAllocations(trial, caller));
  }

  /**
   * Reveals one participant's arm to the caller, in an emergency: the owning consortium's
   * registrant (the investigators) or statistician, with a reason, while the trial is blinded.
   * Every access is audited (without the arm) and evented; the arm stays hidden from everyone else.
   */
  @Transactional
  public ParticipantUnblinding emergencyUnblind(
      Caller caller, String trialId, String code, EmergencyUnblinding request) {
    TrialEntity trial =
        trials.findForUpdate(trialId).orElseThrow(() -> TrialAccess.notFound(trialId));
    TrialAccess.requireMember(trial, caller, "participants");
    if (!caller.hasRole(Roles.REGISTRANT) && !caller.hasRole(Roles.STATISTICIAN)) {
      throw new org.psybiome.common.problem.ProblemException(
          org.psybiome.common.problem.ProblemType.FORBIDDEN,
          "Only the trial's registrant or statistician unblinds a participant");
    }
    if (!trial.isBlinded()) {
      throw ProblemException.conflict(
          trialId + " is not blinded: its participants' arms are visible to its consortium");
    }
    ParticipantEntity participant =
        participants
            .findOne(trialId, code)
            .orElseThrow(
                () -> ProblemException.notFound("No participant " + code + " in " + trialId));
    Instant now = Instant.now(clock);
    if (participant.emergencyUnblindedAt == null) {
      participant.emergencyUnblindedAt = now;
      participant.emergencyUnblindedBy = caller.subject();
      participant.emergencyUnblindingReason = request.reason();
    }
    audit.record(
        trialId,
        caller,
        "PARTICIPANT_UNBLINDED",
        null,
        request.reason(),
        json.valueToTree(
            List.of(
                Map.of(
                    "op",
                    "add",
                    "path",
                    "/participants/" + code + "/emergencyUnblindedAt",
                    "to",
                    participant.emergencyUnblindedAt.toString()))));
    events.participantUnblinded(trialId, code, now, request.reason());
    Map<String, String> labels = ArmCodes.labels(ArmCodes.coded(trial.content(), json));
    return new ParticipantUnblinding(
        participant.code,
        participant.armCode == null
            ? null
            : labels.getOrDefault(participant.armCode, participant.arm),
        participant.armCode,
        participant.sequenceCode,
        participant.allocationReference,
        participant.emergencyUnblindedAt,
        participant.emergencyUnblindedBy,
        participant.emergencyUnblindingReason);
  }
}
