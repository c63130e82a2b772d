package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psybiome.trial.api.TrialSummary;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.DatedStatus;
import org.psybiome.trial.model.SourceRecord;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.repository.ParticipantRepository;
import org.psybiome.trial.repository.TrialEntity;
import org.psybiome.trial.repository.TrialHistoryRepository;
import org.psybiome.trial.repository.TrialListing;
import org.psybiome.trial.repository.TrialSourceEntity;
import org.psybiome.trial.repository.TrialSourceRepository;

/**
 * Turns trial entities into the domain's trial and what the API shows; entities never leave the
 * service layer.
 */
@ApplicationScoped
public class TrialViews {

  private final TrialHistoryRepository history;
  private final ParticipantRepository participants;
  private final TrialSourceRepository sources;
  private final ObjectMapper json;

  TrialViews(
      TrialHistoryRepository history,
      ParticipantRepository participants,
      TrialSourceRepository sources,
      ObjectMapper json) {
    this.history = history;
    this.participants = participants;
    this.sources = sources;
    this.json = json;
  }

  Trial trial(TrialEntity trial) {
    List<DatedStatus> statuses =
        history.statusHistory(trial.id).stream()
            .map(s -> new DatedStatus(s.status, s.effectiveDate, s.reason, s.recordedAt))
            .toList();
    // a record stored before 1.1 gets the 1.1 forms of its dates and ethics review
    TrialContent content = ArmCodes.coded(LegacyItems.inStep(trial.content(), json), json);
    ParticipantRepository.Enrolment enrolment = participants.enrolment(trial.id);
    return new Trial(
        trial.id,
        trial.consortium,
        trial.status,
        trial.version,
        trial.registeredOn,
        enrolment.participants(),
        trial.isBlinded(),
        trial.unblindedAt,
        statuses,
        trial.createdAt,
        trial.updatedAt,
        content,
        trial.status == TrialStatus.UNKNOWN ? trial.lastKnownStatus : null,
        RegistrationTimings.of(
            trial.status,
            trial.registeredOn,
            content,
            trial.status.isRegistered() ? enrolment.firstOn() : java.util.Optional.empty()),
        sources.findByIdOptional(trial.id).map(this::source).orElse(null));
  }

  private SourceRecord source(TrialSourceEntity source) {
    Map<String, JsonNode> unmapped = new LinkedHashMap<>();
    source.unmapped.fields().forEachRemaining(e -> unmapped.put(e.getKey(), e.getValue()));
    return new SourceRecord(
        source.registry,
        source.sourceId,
        source.sourceVersion,
        source.importedAt,
        source.importedBy,
        unmapped);
  }

  static TrialView view(Trial trial) {
    return TrialViewMapper.INSTANCE.view(trial);
  }

  TrialView view(TrialEntity trial) {
    return view(trial(trial));
  }

  static TrialSummary summary(TrialListing trial) {
    return new TrialSummary(
        trial.id(),
        trial.consortium(),
        trial.status(),
        trial.version(),
        trial.registeredOn(),
        trial.publicTitle(),
        trial.acronym(),
        trial.primarySponsor(),
        trial.countries(),
        trial.conditionCodes(),
        trial.interventionTypes());
  }
}
