package org.psybiome.biomarker.service.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.psybiome.biomarker.model.TrialAnalysisPlan;
import org.psybiome.biomarker.model.TrialIntervention;
import org.psybiome.biomarker.model.TrialOutcomes;

/**
 * The data of the trial-service events this service applies (docs/events), read out of the envelope
 * into records used for nothing else: what trial-service sends may change without touching this
 * service's model or storage, and a field missing from an event is found here, before anything is
 * written.
 */
sealed interface TrialEventData {

  String REGISTERED = "org.psybiome.trial.registered.v1";
  String UPDATED = "org.psybiome.trial.updated.v1";
  String STATUS_CHANGED = "org.psybiome.trial.status-changed.v1";
  String UNBLINDED = "org.psybiome.trial.unblinded.v1";
  String PARTICIPANT_ENROLLED = "org.psybiome.trial.participant-enrolled.v1";
  String SEQUENCE_ALLOCATED = "org.psybiome.trial.sequence-allocated.v1";

  /**
   * A trial's record republished as it is (decision 25): applied like an update, so a version
   * already held changes nothing and an older one is ignored.
   */
  String SNAPSHOT = "org.psybiome.trial.snapshot.v1";

  /**
   * A participant's allocation republished: read as the enrolment or sequence allocation it
   * repeats, which a participant already known ignores.
   */
  String PARTICIPANT_SNAPSHOT = "org.psybiome.trial.participant-snapshot.v1";

  /** The trial's record, as registered or updated. */
  record TrialRecord(
      String trialId,
      String consortium,
      String status,
      int version,
      boolean masked,
      boolean unblinded,
      List<Visit> visits,
      List<Arm> arms,
      String comparatorArm,
      TrialOutcomes outcomes,
      String interventionModel,
      List<String> periods,
      List<TrialIntervention> interventions,
      String title,
      boolean resultsShared,
      TrialAnalysisPlan analysisPlan)
      implements TrialEventData {}

  /**
   * A visit of the trial's schedule, with the panels and scales pre-registered for it; {@code
   * windowDays} null when the record declares no window (records before API 1.1 never do).
   */
  record Visit(
      String code,
      int dayOffset,
      boolean baseline,
      List<String> panels,
      List<String> scales,
      String period,
      Integer windowDays) {}

  /** An arm, its type as trial-service names it; {@code code} null in records before API 1.1. */
  record Arm(String label, String type, String code, List<String> interventionCodes) {}

  record StatusChanged(String trialId, int version, String to) implements TrialEventData {}

  record Unblinded(String trialId, int version) implements TrialEventData {}

  /** {@code armCode} is null in events written before trial-service's API 1.1. */
  record ParticipantEnrolled(
      String trialId, String code, String arm, String armCode, LocalDate enrolledOn)
      implements TrialEventData {}

  /**
   * A crossover or N-of-1 participant's treatment sequence and the arm code of each period, by
   * period code.
   */
  record SequenceAllocated(
      String trialId,
      String code,
      String sequenceCode,
      LocalDate enrolledOn,
      java.util.Map<String, String> periodArms)
      implements TrialEventData {}

  /**
   * The data of an event of {@code type}; empty for a type this service does not use.
   *
   * @throws MalformedEventException when a field this service needs is missing or malformed
   */
  static Optional<TrialEventData> parse(String type, JsonNode data) {
    return Optional.ofNullable(
        switch (type) {
          case REGISTERED ->
              trialRecord(data.path("trial"), Fields.integer(data.path("trial"), "version"));
          case UPDATED -> trialRecord(data.path("trial"), Fields.integer(data, "version"));
          case STATUS_CHANGED ->
              new StatusChanged(
                  Fields.text(data, "trialId"),
                  Fields.integer(data, "version"),
                  Fields.text(data, "to"));
          case UNBLINDED ->
              new Unblinded(Fields.text(data, "trialId"), Fields.integer(data, "version"));
          case SNAPSHOT -> trialRecord(data.path("trial"), Fields.integer(data, "version"));
          case PARTICIPANT_SNAPSHOT ->
              data.hasNonNull("sequenceCode") ? sequenceAllocated(data) : enrolled(data);
          case PARTICIPANT_ENROLLED -> enrolled(data);
          case SEQUENCE_ALLOCATED -> sequenceAllocated(data);
          default -> null;
        });
  }

  private static TrialRecord trialRecord(JsonNode trial, int version) {
    if (!trial.isObject()) {
      throw new MalformedEventException("no trial record");
    }
    String masking = trial.path("design").path("masking").path("level").asText("NONE");
    return new TrialRecord(
        Fields.text(trial, "id"),
        Fields.text(trial, "consortium"),
        Fields.text(trial, "status"),
        version,
        !masking.isBlank() && !"NONE".equals(masking),
        trial.hasNonNull("unblindedAt"),
        visits(trial.path("schedule").path("visits")),
        arms(trial.path("arms")),
        optionalText(trial.path("design"), "comparatorArm"),
        new TrialOutcomes(
            measures(trial.path("primaryOutcomes")), measures(trial.path("secondaryOutcomes"))),
        optionalText(trial.path("design"), "interventionModel"),
        periods(trial.path("design").path("crossover").path("periods")),
        interventions(trial.path("interventions")),
        title(trial),
        trial.path("resultsSharing").path("aggregateResults").asBoolean(false),
        analysisPlan(trial.path("analysisPlan")));
  }

  private static String title(JsonNode trial) {
    for (String field : List.of("publicTitle", "scientificTitle", "acronym")) {
      String text = optionalText(trial, field);
      if (text != null && !text.isBlank()) {
        return text;
      }
    }
    return null;
  }

  /** The record's analysis plan; null when it has none. */
  private static TrialAnalysisPlan analysisPlan(JsonNode plan) {
    if (!plan.isObject()) {
      return null;
    }
    List<TrialAnalysisPlan.PlannedSubgroup> subgroups = new ArrayList<>();
    for (JsonNode s : plan.path("subgroups")) {
      List<java.math.BigDecimal> cutoffs = new ArrayList<>();
      for (JsonNode cutoff : s.path("cutoffs")) {
        if (!cutoff.isNumber()) {
          throw new MalformedEventException("a subgroup cutoff is not a number: " + cutoff);
        }
        cutoffs.add(cutoff.decimalValue());
      }
      JsonNode quantiles = s.path("quantiles");
      subgroups.add(
          new TrialAnalysisPlan.PlannedSubgroup(
              Fields.text(s, "code"),
              optionalText(s, "label"),
              Fields.text(s.path("measure"), "code"),
              cutoffs,
              quantiles.isIntegralNumber() ? quantiles.asInt() : null,
              optionalText(s, "stratificationFactor")));
    }
    return new TrialAnalysisPlan(optionalText(plan, "endOfTreatmentVisit"), subgroups);
  }

  /** The codes of the crossover's declared periods, in the record's order (none when absent). */
  private static List<String> periods(JsonNode periods) {
    List<String> codes = new ArrayList<>();
    for (JsonNode period : periods) {
      JsonNode code = period.path("code");
      if (code.isTextual() && !codes.contains(code.asText())) {
        codes.add(code.asText());
      }
    }
    return codes;
  }

  /**
   * The interventions with their strains (trial-view.schema.json; the strains as trial-service's
   * Intervention.Strain). A strain without genus or species is malformed: the blinding guard could
   * not tell which taxa it reveals.
   */
  private static List<TrialIntervention> interventions(JsonNode interventions) {
    List<TrialIntervention> result = new ArrayList<>();
    for (JsonNode intervention : interventions) {
      List<TrialIntervention.Strain> strains = new ArrayList<>();
      for (JsonNode strain : intervention.path("strains")) {
        JsonNode taxon = strain.path("ncbiTaxonId");
        strains.add(
            new TrialIntervention.Strain(
                Fields.text(strain, "genus"),
                Fields.text(strain, "species"),
                taxon.isIntegralNumber() && taxon.asLong() > 0 ? taxon.asLong() : null));
      }
      result.add(
          new TrialIntervention(
              Fields.text(intervention, "code"),
              Fields.text(intervention, "type"),
              strains,
              intervention.path("adjunct").isBoolean()
                  ? intervention.path("adjunct").asBoolean()
                  : null));
    }
    return result;
  }

  /** The measure codes of outcomes linked to a catalogue measure (free-text ones have none). */
  private static List<String> measures(JsonNode outcomes) {
    List<String> codes = new ArrayList<>();
    for (JsonNode outcome : outcomes) {
      JsonNode code = outcome.path("measure").path("code");
      if (code.isTextual() && !codes.contains(code.asText())) {
        codes.add(code.asText());
      }
    }
    return codes;
  }

  private static ParticipantEnrolled enrolled(JsonNode data) {
    String trialId = Fields.text(data, "trialId");
    String code = Fields.text(data, "code");
    String arm = Fields.text(data, "arm");
    try {
      return new ParticipantEnrolled(
          trialId,
          code,
          arm,
          optionalText(data, "armCode"),
          LocalDate.parse(Fields.text(data, "enrolledOn")));
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("enrolledOn is not a date");
    }
  }

  private static List<Visit> visits(JsonNode visits) {
    List<Visit> result = new ArrayList<>();
    for (JsonNode visit : visits) {
      result.add(
          new Visit(
              Fields.text(visit, "code"),
              Fields.integer(visit, "dayOffset"),
              visit.path("baseline").asBoolean(false),
              texts(visit.path("panels")),
              texts(visit.path("scales")),
              visit.path("period").isTextual() ? visit.path("period").asText() : null,
              windowDays(visit)));
    }
    return result;
  }

  /** The visit's window (API 1.1): absent or null means none declared; else an integer ≥ 0. */
  private static Integer windowDays(JsonNode visit) {
    if (visit.path("windowDays").isMissingNode() || visit.path("windowDays").isNull()) {
      return null;
    }
    int days = Fields.integer(visit, "windowDays");
    if (days < 0) {
      throw new MalformedEventException("windowDays is negative");
    }
    return days;
  }

  private static SequenceAllocated sequenceAllocated(JsonNode data) {
    java.util.Map<String, String> periodArms = new java.util.LinkedHashMap<>();
    for (JsonNode period : data.path("periods")) {
      periodArms.put(Fields.text(period, "period"), Fields.text(period, "armCode"));
    }
    if (periodArms.isEmpty()) {
      throw new MalformedEventException("no periods");
    }
    try {
      return new SequenceAllocated(
          Fields.text(data, "trialId"),
          Fields.text(data, "code"),
          Fields.text(data, "sequenceCode"),
          LocalDate.parse(Fields.text(data, "enrolledOn")),
          periodArms);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException("enrolledOn is not a date");
    }
  }

  private static List<Arm> arms(JsonNode arms) {
    List<Arm> result = new ArrayList<>();
    for (JsonNode arm : arms) {
      List<String> interventionCodes = new ArrayList<>();
      arm.path("interventionCodes")
          .forEach(
              c -> {
                if (c.isTextual()) {
                  interventionCodes.add(c.asText());
                }
              });
      result.add(
          new Arm(
              Fields.text(arm, "label"),
              Fields.text(arm, "type"),
              optionalText(arm, "code"),
              interventionCodes));
    }
    return result;
  }

  /** A text field that older events lack: null when absent, null or blank. */
  private static String optionalText(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static List<String> texts(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(item -> result.add(item.asText()));
    return result;
  }
}
