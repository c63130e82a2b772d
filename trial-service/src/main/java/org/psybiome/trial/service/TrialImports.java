package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.ImportReport;
import org.psybiome.trial.api.ImportResult;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.repository.SecondaryIdRepository;
import org.psybiome.trial.repository.StatusHistoryEntity;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;
import org.psybiome.trial.repository.TrialRepository;
import org.psybiome.trial.repository.TrialSourceEntity;
import org.psybiome.trial.repository.TrialSourceRepository;
import org.psybiome.trial.service.events.TrialEvents;
import org.psybiome.trial.service.imports.CtgovStudyMapper;
import org.psybiome.trial.service.imports.ImportNote;
import org.psybiome.trial.service.imports.ImportedStudy;
import org.psybiome.trial.service.registries.SecondaryIdFormats;

/**
 * Trials from another registry's record: a study the consortium does not have yet becomes a
 * registered trial with its real status, dates and history; one it has (by its source id) becomes a
 * new version with a change reason; one another consortium has is a conflict. The record passes the
 * same content rules as any other; registration items the source lacks are reported, not invented,
 * because the source registry's own rules applied when it was registered there.
 */
@ApplicationScoped
public class TrialImports {

  static final String CLINICALTRIALS_GOV = "ClinicalTrials.gov";

  private final TrialService service;
  private final TrialRepository trials;
  private final TrialHistoryRepository history;
  private final SecondaryIdRepository secondaryIds;
  private final TrialSourceRepository sources;
  private final RegistrationRequirements registration;
  private final AuditTrail audit;
  private final TrialEvents events;
  private final TrialViews views;
  private final VersionDiffer differ;
  private final ObjectMapper json;
  private final Clock clock;
  private final CtgovStudyMapper ctgov;

  TrialImports(
      TrialService service,
      TrialRepository trials,
      TrialHistoryRepository history,
      SecondaryIdRepository secondaryIds,
      TrialSourceRepository sources,
      RegistrationRequirements registration,
      AuditTrail audit,
      TrialEvents events,
      TrialViews views,
      VersionDiffer differ,
      ObjectMapper json,
      Validator validator,
      Clock clock) {
    this.service = service;
    this.trials = trials;
    this.history = history;
    this.secondaryIds = secondaryIds;
    this.sources = sources;
    this.registration = registration;
    this.audit = audit;
    this.events = events;
    this.views = views;
    this.differ = differ;
    this.json = json;
    this.clock = clock;
    this.ctgov = new CtgovStudyMapper(json, validator);
  }

  /**
   * Imports one ClinicalTrials.gov API v2 study document; a document that is not one is a 422
   * naming what is wrong. One transaction.
   */
  @Transactional
  public ImportResult importCtgov(Caller caller, JsonNode document) {
    return importStudy(caller, document, ctgov.map(document));
  }

  /** Imports one study document, already read into {@code study}; one transaction. */
  @Transactional
  public ImportResult importStudy(Caller caller, JsonNode document, ImportedStudy study) {
    String consortium =
        caller
            .consortium()
            .orElseThrow(
                () ->
                    new ProblemException(
                        ProblemType.FORBIDDEN, "The token names no consortium to own the trial"));
    if (!caller.hasRole(Roles.REGISTRANT)) {
      throw new ProblemException(ProblemType.FORBIDDEN, "Only a registrant imports trials");
    }
    service.validate(study.content());
    TrialContent content = LegacyItems.inStep(study.content(), json);
    // the study is known by its NCT number, whichever trial claims it
    String namespace = SecondaryIdFormats.namespace(SecondaryRegistry.NCT, null);
    var claimant = secondaryIds.claimant(namespace, SecondaryIdFormats.normalise(study.sourceId()));
    if (claimant.isEmpty()) {
      return create(caller, consortium, document, study, content);
    }
    TrialEntity existing = trials.findForUpdate(claimant.get()).orElseThrow();
    if (!existing.consortium.equals(consortium)) {
      throw new ProblemException(
          ProblemType.CONFLICT,
          study.sourceId()
              + " is already in Psybiome, registered by another consortium"
              + (TrialAccess.canRead(existing, caller) ? " as " + existing.id : ""),
          List.of(Violation.of("sourceId", study.sourceId() + " belongs to another consortium")));
    }
    return reimport(caller, existing, document, study, content);
  }

  private ImportResult create(
      Caller caller,
      String consortium,
      JsonNode document,
      ImportedStudy study,
      TrialContent content) {
    content = ArmCodes.assign(null, content, json);
    Instant now = Instant.now(clock);
    TrialEntity trial = new TrialEntity();
    trial.id = service.newId(now);
    trial.consortium = consortium;
    trial.status = study.status();
    trial.lastKnownStatus = study.lastKnownStatus();
    trial.version = 1;
    trial.registeredOn = LocalDate.now(clock);
    trial.content(content);
    trial.createdAt = now;
    trial.updatedAt = now;
    trial.masked = TrialService.isMasked(content);
    trial.suspendedFrom = null;
    service.applyContent(trial, content);
    trials.persist(trial);
    service.claimSecondaryIds(trial, caller);
    int seq = 0;
    for (var status : study.statusHistory()) {
      addStatus(trial, caller, ++seq, status);
    }
    String reason = "Imported from " + CLINICALTRIALS_GOV + " " + study.sourceId() + version(study);
    service.addVersion(trial, caller, "IMPORTED", reason);
    audit.record(
        trial.id, caller, "IMPORTED", 1, reason, differ.toJson(differ.diff(null, content)));
    keepSource(trial.id, caller, now, document, study);
    Trial created = views.trial(trial);
    events.registered(created);
    Log.infof("Imported %s as %s for %s", study.sourceId(), trial.id, consortium);
    return new ImportResult(
        ImportResult.Outcome.CREATED, TrialViews.view(created), report(study, content));
  }

  private ImportResult reimport(
      Caller caller,
      TrialEntity trial,
      JsonNode document,
      ImportedStudy study,
      TrialContent content) {
    content = ArmCodes.assign(trial.content(), content, json);
    service.requireEnrolledArmsKept(trial, content);
    var changes = differ.diff(trial.content(), content);
    boolean statusChanges = trial.status != study.status();
    if (changes.isEmpty() && !statusChanges) {
      keepSource(trial.id, caller, Instant.now(clock), document, study);
      return new ImportResult(
          ImportResult.Outcome.UNCHANGED, views.view(trial), report(study, content));
    }
    TrialStatus from = trial.status;
    trial.content(content);
    service.applyContent(trial, content);
    if (statusChanges) {
      List<StatusHistoryEntity> past = history.statusHistory(trial.id);
      var latest = study.statusHistory().get(study.statusHistory().size() - 1);
      LocalDate effective = latest.effectiveDate();
      if (!past.isEmpty() && effective.isBefore(past.get(past.size() - 1).effectiveDate)) {
        effective = past.get(past.size() - 1).effectiveDate; // history only moves forward
      }
      addStatus(
          trial,
          caller,
          past.size() + 1,
          new ImportedStudy.HistoricStatus(study.status(), effective, latest.reason()));
      trial.status = study.status();
      trial.lastKnownStatus = study.lastKnownStatus();
    }
    service.bump(trial);
    service.claimSecondaryIds(trial, caller);
    String reason =
        "Re-imported from " + CLINICALTRIALS_GOV + " " + study.sourceId() + version(study);
    service.addVersion(trial, caller, "REIMPORTED", reason);
    audit.record(trial.id, caller, "REIMPORTED", trial.version, reason, differ.toJson(changes));
    keepSource(trial.id, caller, trial.updatedAt, document, study);
    Trial updated = views.trial(trial);
    if (statusChanges) {
      events.statusChanged(updated, from);
    } else {
      events.updated(updated);
    }
    return new ImportResult(
        ImportResult.Outcome.UPDATED, TrialViews.view(updated), report(study, content));
  }

  private static String version(ImportedStudy study) {
    return study.sourceVersion() == null ? "" : " (version of " + study.sourceVersion() + ")";
  }

  private void addStatus(
      TrialEntity trial, Caller caller, int seq, ImportedStudy.HistoricStatus status) {
    StatusHistoryEntity entry = new StatusHistoryEntity();
    entry.trialId = trial.id;
    entry.seq = seq;
    entry.status = status.status();
    entry.effectiveDate = status.effectiveDate();
    entry.reason = status.reason();
    entry.recordedAt = trial.updatedAt;
    entry.recordedBy = caller.subject();
    history.add(entry);
  }

  private void keepSource(
      String trialId, Caller caller, Instant at, JsonNode document, ImportedStudy study) {
    TrialSourceEntity source = sources.findByIdOptional(trialId).orElseGet(TrialSourceEntity::new);
    boolean isNew = source.trialId == null;
    source.trialId = trialId;
    source.registry = CLINICALTRIALS_GOV;
    source.sourceId = study.sourceId();
    source.sourceVersion = study.sourceVersion();
    source.importedAt = at;
    source.importedBy = caller.subject();
    source.document = document;
    ObjectNode unmapped = json.createObjectNode();
    study.unmapped().forEach(unmapped::set);
    source.unmapped = unmapped;
    if (isNew) {
      sources.persist(source);
    }
  }

  private ImportReport report(ImportedStudy study, TrialContent content) {
    List<ImportReport.Note> defaulted = new ArrayList<>();
    List<ImportReport.Note> warnings = new ArrayList<>();
    for (ImportNote note : study.notes()) {
      var line = new ImportReport.Note(note.field(), note.message());
      (note.kind() == ImportNote.Kind.DEFAULTED ? defaulted : warnings).add(line);
    }
    TrialStatus status =
        study.status() == TrialStatus.UNKNOWN ? study.lastKnownStatus() : study.status();
    for (Violation gap : registration.missing(content, status)) {
      warnings.add(
          new ImportReport.Note(
              gap.field(), gap.message() + "; the source does not give it: please add it"));
    }
    return new ImportReport(
        study.sourceId(),
        study.sourceVersion(),
        filled(content),
        defaulted,
        warnings,
        List.copyOf(study.unmapped().keySet()));
  }

  /** The record's items with a value: what the import mapped. */
  private List<String> filled(TrialContent content) {
    List<String> filled = new ArrayList<>();
    JsonNode tree = json.valueToTree(content);
    for (Map.Entry<String, JsonNode> item : (Iterable<Map.Entry<String, JsonNode>>) tree::fields) {
      JsonNode value = item.getValue();
      boolean empty =
          value.isNull()
              || (value.isContainerNode() && value.isEmpty())
              || (value.isTextual() && value.asText().isBlank());
      if (!empty) {
        filled.add(item.getKey());
      }
    }
    return filled;
  }
}
