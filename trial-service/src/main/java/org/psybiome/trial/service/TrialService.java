package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.StatusChange;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.api.Unblinding;
import org.psybiome.trial.model.EnrolmentType;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.SecondaryIdEntity;
import org.psybiome.trial.repository.SecondaryIdRepository;
import org.psybiome.trial.repository.StatusHistoryEntity;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.repository.TrialVersionEntity;
import org.psybiome.trial.service.events.TrialEvents;
import org.psybiome.trial.service.registries.SecondaryIdFormats;

/**
 * The rules of the trial record: drafts, registration, edits with versions and reasons, the status
 * lifecycle and unblinding. Each change is one transaction holding the new state, a new version, an
 * audit entry and its events.
 */
@ApplicationScoped
public class TrialService {

  private final TrialRepository trials;
  private final TrialHistoryRepository history;
  private final SecondaryIdRepository secondaryIds;
  private final ParticipantRepository participants;
  private final ContentRules rules;
  private final RegistrationRequirements registration;
  private final Validator validator;
  private final VersionDiffer differ;
  private final AuditTrail audit;
  private final TrialEvents events;
  private final TrialViews views;
  private final TrialRandomisation randomisation;
  private final ObjectMapper json;
  private final Clock clock;

  TrialService(
      TrialRepository trials,
      TrialHistoryRepository history,
      SecondaryIdRepository secondaryIds,
      ParticipantRepository participants,
      ContentRules rules,
      RegistrationRequirements registration,
      Validator validator,
      VersionDiffer differ,
      AuditTrail audit,
      TrialEvents events,
      TrialViews views,
      TrialRandomisation randomisation,
      ObjectMapper json,
      Clock clock) {
    this.trials = trials;
    this.history = history;
    this.secondaryIds = secondaryIds;
    this.participants = participants;
    this.rules = rules;
    this.registration = registration;
    this.validator = validator;
    this.differ = differ;
    this.audit = audit;
    this.events = events;
    this.views = views;
    this.randomisation = randomisation;
    this.json = json;
    this.clock = clock;
  }

  /** Creates a DRAFT owned by the caller's consortium. */
  @Transactional
  public TrialView create(Caller caller, TrialContent content) {
    String consortium =
        caller
            .consortium()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.FORBIDDEN, "The token names no consortium to own the trial"));
    validate(content);
    content = ArmCodes.assign(null, LegacyItems.inStep(content, json), json);
    validateCoded(content);
    Instant now = Instant.now(clock);
    TrialEntity trial = new TrialEntity();
    trial.id = newId(now);
    trial.consortium = consortium;
    trial.status = TrialStatus.DRAFT;
    trial.version = 1;
    trial.content(content);
    trial.createdAt = now;
    trial.updatedAt = now;
    applyContent(trial, content);
    trials.persist(trial);
    claimSecondaryIds(trial, caller);
    addVersion(trial, caller, "CREATED", null);
    audit.record(trial.id, caller, "CREATED", 1, null, differ.toJson(differ.diff(null, content)));
    Log.infof("Created draft %s for consortium %s", trial.id, consortium);
    return views.view(trial);
  }

  /** The registry's id for a trial created at {@code now}: PSB-year-serial (TRDS item 1). */
  String newId(Instant now) {
    return String.format("PSB-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), trials.nextNumber());
  }

  @Transactional
  public TrialView get(Caller caller, String id) {
    TrialEntity trial = trials.findForReading(id).orElseThrow(() -> TrialAccess.notFound(id));
    TrialAccess.requireReadable(trial, caller);
    return views.view(trial);
  }

  /** Replaces the record's content; after registration it must stay complete and say why. */
  @Transactional
  public TrialView update(
      Caller caller, String id, String ifMatch, TrialContent content, String reason) {
    TrialEntity trial = lockForChange(caller, id, Roles.REGISTRANT, "change it");
    IfMatch.check(ifMatch, id, trial.version);
    if (trial.status.isRegistered()) {
      requireReason(
          "changeReason", reason, "Changes to a registered trial need a reason (changeReason)");
    }
    validate(content);
    content = ArmCodes.assign(trial.content(), LegacyItems.inStep(content, json), json);
    validateCoded(content);
    requireEnrolledArmsKept(trial, content);
    if (randomisation.isSealed(trial.id)
        && !java.util.Objects.equals(
            TrialRandomisation.scheme(ArmCodes.coded(trial.content(), json)),
            TrialRandomisation.scheme(content))) {
      // the sealed sequence was made for the declared arms, ratio and strata
      throw new ProblemException(
          ProblemType.CONFLICT,
          id
              + "'s allocation sequence is sealed: its randomisation, arms and ratio stay as they"
              + " were when it started recruiting",
          List.of(
              Violation.of("design.randomisation", "cannot change once the sequence is sealed")));
    }
    if (trial.status.isRegistered()) {
      requireComplete(content, trial.status, "A registered trial must keep every WHO TRDS item");
    }
    if (trial.status.isRegistered()
        && trial.masked != isMasked(content)
        && trial.unblindedAt == null) {
      // Changing masking after registration would expose or hide allocations retroactively.
      throw new ProblemException(
          ProblemType.CONFLICT,
          "The masking of a registered trial cannot be switched on or off; it decides who may see allocations");
    }
    var changes = differ.diff(trial.content(), content);
    if (changes.isEmpty()) {
      return views.view(trial);
    }
    trial.content(content);
    applyContent(trial, content);
    bump(trial);
    claimSecondaryIds(trial, caller);
    addVersion(trial, caller, "UPDATED", reason);
    audit.record(trial.id, caller, "UPDATED", trial.version, reason, differ.toJson(changes));
    Trial updated = views.trial(trial);
    if (trial.status.isRegistered()) {
      events.updated(updated);
    }
    return TrialViews.view(updated);
  }

  /** Moves the trial along its lifecycle; leaving DRAFT registers it. */
  @Transactional
  public TrialView changeStatus(Caller caller, String id, String ifMatch, StatusChange change) {
    TrialEntity trial = lockForChange(caller, id, Roles.REGISTRANT, "change its status");
    IfMatch.check(ifMatch, id, trial.version);
    TrialStatus from = trial.status;
    TrialStatus to = change.status();
    long enrolled = enrolled(trial);
    Set<TrialStatus> allowed = TrialLifecycle.allowedFrom(from, trial.suspendedFrom, enrolled);
    if (!allowed.contains(to)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          String.format(
              "%s cannot go from %s to %s%s; allowed: %s",
              id,
              from,
              to,
              why(from, to, enrolled),
              allowed.isEmpty() ? "none, " + from + " is final" : allowed));
    }
    if (to.isStop()) {
      requireReason(
          "reason", change.reason(), "Say why the trial stopped (reason) when it becomes " + to);
    } else if (from.isRegistered()) {
      requireReason("reason", change.reason(), "Changes to a registered trial need a reason");
    }
    LocalDate today = LocalDate.now(clock);
    if (change.effectiveDate().isAfter(today)) {
      throw invalid("effectiveDate", "a status change cannot take effect in the future");
    }
    List<StatusHistoryEntity> past = history.statusHistory(id);
    if (!past.isEmpty()
        && change.effectiveDate().isBefore(past.get(past.size() - 1).effectiveDate)) {
      throw invalid("effectiveDate", "is before the date the current status took effect");
    }
    boolean registering = from == TrialStatus.DRAFT;
    if (registering) {
      requireComplete(trial.content(), to, "The record lacks WHO TRDS items needed to register");
      trial.registeredOn = today;
    }
    trial.suspendedFrom = to == TrialStatus.SUSPENDED ? from : null;
    trial.status = to;
    if (to.isEnrolling()) {
      randomisation.seal(trial, ArmCodes.coded(trial.content(), json), caller);
    }
    bump(trial);
    addStatus(trial, caller, change);
    addVersion(trial, caller, "STATUS_CHANGED", change.reason());
    audit.record(
        id,
        caller,
        registering ? "REGISTERED" : "STATUS_CHANGED",
        trial.version,
        change.reason(),
        json.valueToTree(
            List.of(
                Map.of(
                    "op", "replace",
                    "path", "/status",
                    "from", from.name(),
                    "to", to.name(),
                    "effectiveDate", change.effectiveDate().toString()))));
    Trial changed = views.trial(trial);
    if (registering) {
      events.registered(changed);
    } else {
      events.statusChanged(changed, from);
    }
    return TrialViews.view(changed);
  }

  /** Lifts blinding for good: the trial's statisticians, with a reason, audited. */
  @Transactional
  public TrialView unblind(Caller caller, String id, String ifMatch, Unblinding request) {
    TrialEntity trial = lockForChange(caller, id, Roles.STATISTICIAN, "unblind it");
    IfMatch.check(ifMatch, id, trial.version);
    if (!trial.status.isRegistered()) {
      throw ProblemException.conflict(id + " is a draft; only registered trials are unblinded");
    }
    if (!trial.masked) {
      throw ProblemException.conflict(id + " is open-label; there is no blinding to lift");
    }
    if (trial.unblindedAt != null) {
      throw ProblemException.conflict(id + " was unblinded at " + trial.unblindedAt);
    }
    trial.unblindedAt = Instant.now(clock);
    bump(trial);
    addVersion(trial, caller, "UNBLINDED", request.reason());
    audit.record(
        id,
        caller,
        "UNBLINDED",
        trial.version,
        request.reason(),
        json.valueToTree(
            List.of(Map.of("op", "replace", "path", "/blinded", "from", true, "to", false))));
    Trial unblinded = views.trial(trial);
    events.unblinded(unblinded, request.reason());
    return TrialViews.view(unblinded);
  }

  private TrialEntity lockForChange(Caller caller, String id, String role, String action) {
    TrialEntity trial = trials.findForUpdate(id).orElseThrow(() -> TrialAccess.notFound(id));
    TrialAccess.requireRole(trial, caller, role, action);
    return trial;
  }

  void validate(TrialContent content) {
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<TrialContent> v : validator.validate(content)) {
      violations.add(Violation.of(fieldPath(v.getPropertyPath().toString()), v.getMessage()));
    }
    violations.addAll(rules.check(content));
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(count(violations) + " in the trial record", violations);
    }
  }

  /**
   * The references to arm codes (comparator, sequences) and the analysis plan's to visits and
   * factors, checked once every arm has its code.
   */
  private static void validateCoded(TrialContent content) {
    List<Violation> violations = new ArrayList<>();
    CrossoverRules.check(content, violations);
    AnalysisPlanRules.check(content, violations);
    if (!violations.isEmpty()) {
      throw ProblemException.invalid(count(violations) + " in the trial record", violations);
    }
  }

  /**
   * An arm or treatment sequence with participants cannot go: they would belong to nothing. Nor can
   * the periods or the sequences' treatments change once a participant has a sequence: it would
   * change what they received.
   */
  void requireEnrolledArmsKept(TrialEntity trial, TrialContent content) {
    java.util.Set<String> arms = new java.util.HashSet<>();
    content.arms().forEach(arm -> arms.add(arm.code()));
    var crossover = content.design() == null ? null : content.design().crossover();
    java.util.Set<String> sequences = new java.util.HashSet<>();
    if (crossover != null) {
      crossover.sequences().forEach(q -> sequences.add(q.code()));
    }
    var before = ArmCodes.coded(trial.content(), json).design();
    var crossoverBefore = before == null ? null : before.crossover();
    participants
        .countByArmCode(trial.id)
        .forEach(
            (code, count) -> {
              boolean sequence =
                  crossoverBefore != null
                      && crossoverBefore.sequences().stream().anyMatch(q -> q.code().equals(code));
              if (sequence && !java.util.Objects.equals(crossoverBefore, crossover)) {
                throw new ProblemException(
                    ProblemType.CONFLICT,
                    "Participants have treatment sequences: the periods and sequences stay as"
                        + " they were",
                    List.of(
                        Violation.of(
                            "design.crossover", "cannot change once participants have sequences")));
              }
              if (!(sequence ? sequences : arms).contains(code)) {
                throw new ProblemException(
                    ProblemType.CONFLICT,
                    (sequence ? "Sequence " : "Arm ")
                        + code
                        + " has "
                        + count
                        + " participant(s) and cannot be removed"
                        + (sequence ? "" : "; rename it instead (its code stays)"),
                    List.of(
                        Violation.of(
                            sequence ? "design.crossover.sequences" : "arms",
                            code + " has participants")));
              }
            });
  }

  /**
   * Participants registered here, or the actual enrolment the record reports when it is larger (a
   * trial registered after it enrolled need not list its participants to be completed).
   */
  private long enrolled(TrialEntity trial) {
    long registered = participants.countByTrial(trial.id);
    var reported = trial.content().enrolment();
    if (reported != null && reported.type() == EnrolmentType.ACTUAL) {
      return Math.max(registered, reported.count());
    }
    return registered;
  }

  private void requireComplete(TrialContent content, TrialStatus status, String detail) {
    List<Violation> missing = registration.missing(content, status);
    if (!missing.isEmpty()) {
      throw new ProblemException(ProblemType.UNPROCESSABLE, detail, missing);
    }
  }

  /** {@code field} names the property of the request body the reason belongs in. */
  private static void requireReason(String field, String reason, String detail) {
    if (reason == null || reason.isBlank()) {
      throw invalid(field, detail);
    }
  }

  private static ProblemException invalid(String field, String message) {
    return ProblemException.invalid(message, List.of(Violation.of(field, message)));
  }

  private static String why(TrialStatus from, TrialStatus to, long enrolled) {
    if (to == TrialStatus.WITHDRAWN && enrolled > 0) {
      return " (" + enrolled + " participant(s) enrolled: a trial that stops now is TERMINATED)";
    }
    if ((to == TrialStatus.TERMINATED || to == TrialStatus.COMPLETED) && enrolled == 0) {
      return " (nobody is enrolled: a trial that stops now is WITHDRAWN)";
    }
    if (from.isTerminal()) {
      return " (" + from + " is final)";
    }
    if (to == TrialStatus.DRAFT) {
      return " (a registered trial cannot become a draft again)";
    }
    return "";
  }

  void applyContent(TrialEntity trial, TrialContent content) {
    if (!trial.status.isRegistered()) {
      trial.masked = isMasked(content);
    }
    SearchColumns.update(trial);
  }

  static boolean isMasked(TrialContent content) {
    return content.design() != null
        && content.design().masking() != null
        && content.design().masking().level() != null
        && content.design().masking().level().maskedRoles() > 0;
  }

  void bump(TrialEntity trial) {
    trial.version++;
    trial.updatedAt = Instant.now(clock);
  }

  /** Secondary ids are unique across trials: the same trial is often in several registries. */
  void claimSecondaryIds(TrialEntity trial, Caller caller) {
    secondaryIds.releaseAll(trial.id);
    secondaryIds.flush();
    for (var id : trial.content().secondaryIds()) {
      String value = SecondaryIdFormats.normalise(id.value());
      String namespace = SecondaryIdFormats.namespace(id.registry(), id.issuer());
      var claimant = secondaryIds.claimant(namespace, value);
      if (claimant.isPresent() && !claimant.get().equals(trial.id)) {
        String other =
            trials
                .findByIdOptional(claimant.get())
                .filter(t -> TrialAccess.canRead(t, caller))
                .map(t -> " by " + t.id)
                .orElse(" by another trial");
        throw new ProblemException(
            ProblemType.CONFLICT,
            id.registry() + " " + value + " is already claimed" + other,
            List.of(Violation.of("secondaryIds", id.registry() + " " + value + " is taken")));
      }
      SecondaryIdEntity claim = new SecondaryIdEntity();
      claim.registry = namespace;
      claim.value = value;
      claim.trialId = trial.id;
      secondaryIds.persist(claim);
    }
    secondaryIds.flush();
  }

  void addVersion(TrialEntity trial, Caller caller, String change, String reason) {
    TrialVersionEntity version = new TrialVersionEntity();
    version.trialId = trial.id;
    version.version = trial.version;
    version.status = trial.status;
    version.document = trial.document;
    version.changedAt = trial.updatedAt;
    version.changedBy = caller.subject();
    version.change = change;
    version.reason = reason;
    history.add(version);
  }

  private void addStatus(TrialEntity trial, Caller caller, StatusChange change) {
    StatusHistoryEntity entry = new StatusHistoryEntity();
    entry.trialId = trial.id;
    entry.seq = history.statusHistory(trial.id).size() + 1;
    entry.status = change.status();
    entry.effectiveDate = change.effectiveDate();
    entry.reason = change.reason();
    entry.recordedAt = trial.updatedAt;
    entry.recordedBy = caller.subject();
    history.add(entry);
  }

  /** "interventions[0].strains[1].genus" from the validator's path. */
  private static String fieldPath(String path) {
    return path.replaceAll("\\.<[^>]+>", "");
  }

  private static String count(List<Violation> violations) {
    return violations.size() == 1 ? "1 problem" : violations.size() + " problems";
  }
}
