package org.psybiome.biomarker;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Publishes events shaped exactly as trial-service's outbox publishes them (docs/events.md and
 * docs/events/*.schema.json): CloudEvents 1.0 JSON, key = trial id, a content-type header.
 */
final class TrialEventsProducer implements AutoCloseable {

  static final String EVENTS = "psybiome.trial.events";
  static final String ALLOCATIONS = "psybiome.trial.allocations";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final KafkaProducer<String, String> producer;

  TrialEventsProducer() {
    String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", true),
            new StringSerializer(),
            new StringSerializer());
  }

  private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

  /**
   * A registry id no other test of this JVM uses (the database is fresh per run): random, so that
   * failures are not tied to one id, but never the same twice — a repeated id would merge two
   * tests' participants and allocations.
   */
  static String newTrialId() {
    while (true) {
      String id = String.format("PSB-2026-%06d", ThreadLocalRandom.current().nextInt(1_000_000));
      if (ISSUED.add(id)) {
        return id;
      }
    }
  }

  /** Sends the envelope and waits for Kafka's acknowledgement; returns the event id. */
  UUID send(String topic, String trialId, String type, Object data) {
    return send(topic, trialId, UUID.randomUUID(), type, data);
  }

  UUID send(String topic, String trialId, UUID id, String type, Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("specversion", "1.0");
    envelope.put("id", id.toString());
    envelope.put("source", "/psybiome/trial-service");
    envelope.put("type", type);
    envelope.put("subject", trialId);
    envelope.put("time", Instant.now().toString());
    envelope.put("datacontenttype", "application/json");
    envelope.put("data", data);
    try {
      var record = new ProducerRecord<>(topic, trialId, JSON.writeValueAsString(envelope));
      record
          .headers()
          .add(new RecordHeader("content-type", "application/cloudevents+json".getBytes()));
      producer.send(record).get();
    } catch (Exception e) {
      throw new AssertionError("could not publish " + type, e);
    }
    return id;
  }

  UUID registered(Map<String, Object> trial) {
    return send(
        EVENTS,
        (String) trial.get("id"),
        "org.psybiome.trial.registered.v1",
        Map.of("trial", trial));
  }

  UUID updated(Map<String, Object> trial) {
    return send(
        EVENTS,
        (String) trial.get("id"),
        "org.psybiome.trial.updated.v1",
        Map.of("version", trial.get("version"), "trial", trial));
  }

  UUID statusChanged(String trialId, int version, String from, String to) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("trialId", trialId);
    data.put("version", version);
    data.put("from", from);
    data.put("to", to);
    data.put("effectiveDate", LocalDate.now().toString());
    data.put("reason", "test: " + to);
    return send(EVENTS, trialId, "org.psybiome.trial.status-changed.v1", data);
  }

  UUID unblinded(String trialId, int version) {
    return send(
        EVENTS,
        trialId,
        "org.psybiome.trial.unblinded.v1",
        Map.of(
            "trialId",
            trialId,
            "version",
            version,
            "unblindedAt",
            Instant.now().toString(),
            "reason",
            "primary analysis locked"));
  }

  UUID enrolled(String trialId, String code, String arm) {
    return enrolled(trialId, UUID.randomUUID(), code, arm);
  }

  /** An enrolment as trial-service publishes it since API 1.1: the arm's label and its code. */
  UUID enrolled(String trialId, String code, String arm, String armCode) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("trialId", trialId);
    data.put("code", code);
    data.put("arm", arm);
    data.put("enrolledOn", LocalDate.now().toString());
    data.put("armCode", armCode);
    return send(ALLOCATIONS, trialId, "org.psybiome.trial.participant-enrolled.v1", data);
  }

  UUID enrolled(String trialId, UUID id, String code, String arm) {
    return enrolled(trialId, id, code, arm, LocalDate.now());
  }

  UUID enrolled(String trialId, UUID id, String code, String arm, LocalDate enrolledOn) {
    return send(
        ALLOCATIONS,
        trialId,
        id,
        "org.psybiome.trial.participant-enrolled.v1",
        Map.of("trialId", trialId, "code", code, "arm", arm, "enrolledOn", enrolledOn.toString()));
  }

  /** A crossover participant's sequence and the arm code of each period, in period order. */
  UUID sequenceAllocated(String trialId, String code, String sequence, List<String[]> periods) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("trialId", trialId);
    data.put("code", code);
    data.put("sequenceCode", sequence);
    data.put("enrolledOn", LocalDate.now().toString());
    data.put(
        "periods", periods.stream().map(p -> Map.of("period", p[0], "armCode", p[1])).toList());
    return send(ALLOCATIONS, trialId, "org.psybiome.trial.sequence-allocated.v1", data);
  }

  /**
   * A trial record as trial-service publishes it (trial-view.schema.json), with the parts this
   * service reads: design masking, arms and the schedule of assessments; the rest as it would be.
   */
  static Map<String, Object> trialView(
      String id, int version, String masking, String placeboLabel) {
    Map<String, Object> trial = new LinkedHashMap<>();
    trial.put("id", id);
    trial.put("primaryRegistry", "Psybiome");
    trial.put("consortium", "MINDGUT");
    trial.put("status", "RECRUITING");
    trial.put("version", version);
    trial.put("registeredOn", LocalDate.now().toString());
    trial.put("actualEnrolment", 0);
    trial.put("blinded", !"NONE".equals(masking));
    trial.put("unblindedAt", null);
    trial.put(
        "statusHistory",
        List.of(Map.of("status", "RECRUITING", "effectiveDate", LocalDate.now().toString())));
    trial.put("createdAt", Instant.now().toString());
    trial.put("updatedAt", Instant.now().toString());
    trial.put("publicTitle", "Probiotic adjunct for depression");
    trial.put(
        "conditions",
        List.of(
            Map.of("system", "ICD10", "code", "F32.1", "label", "Moderate depressive episode")));
    trial.put(
        "interventions",
        List.of(
            Map.of("type", "PROBIOTIC", "code", "PRO", "name", "L. helveticus R0052"),
            Map.of("type", "PLACEBO", "code", "PLA", "name", "Placebo capsule")));
    trial.put(
        "design",
        Map.of(
            "studyType", "INTERVENTIONAL",
            "allocation", "RANDOMIZED",
            "masking", Map.of("level", masking, "maskedRoles", List.of())));
    trial.put(
        "arms",
        List.of(
            Map.of(
                "label", "Probiotic", "type", "EXPERIMENTAL", "interventionCodes", List.of("PRO")),
            Map.of(
                "label",
                placeboLabel,
                "type",
                "PLACEBO_COMPARATOR",
                "interventionCodes",
                List.of("PLA"))));
    trial.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                visit("W0", 0, true, List.of("INFLAMMATION", "HPA"), List.of("HAMD17")),
                visit("W8", 56, false, List.of("INFLAMMATION"), List.of("HAMD17", "MADRS")))));
    return trial;
  }

  /** An arm of a record since API 1.1, with its stable code. */
  static Map<String, Object> arm(String code, String label, String type) {
    Map<String, Object> arm = new LinkedHashMap<>();
    arm.put("code", code);
    arm.put("label", label);
    arm.put("type", type);
    arm.put("interventionCodes", List.of());
    return arm;
  }

  /** The record with these arms and, when not null, a declared comparator arm (its code). */
  static Map<String, Object> withArms(
      Map<String, Object> trial, List<Map<String, Object>> arms, String comparatorArm) {
    Map<String, Object> copy = new LinkedHashMap<>(trial);
    copy.put("arms", arms);
    @SuppressWarnings("unchecked")
    Map<String, Object> design = new LinkedHashMap<>((Map<String, Object>) trial.get("design"));
    if (comparatorArm != null) {
      design.put("comparatorArm", comparatorArm);
    }
    copy.put("design", design);
    return copy;
  }

  /**
   * A record as analyses across trials read it: its consortium, status and masking, the owner's
   * consent to share aggregate results, the analysis plan's end-of-treatment visit (W8), typed
   * interventions and arms with their intervention codes; visits W0 (baseline) and W8, each with
   * INFLAMMATION, HAMD17 and MADRS.
   */
  static Map<String, Object> evidenceRecord(
      String id,
      String consortium,
      String status,
      String masking,
      boolean shared,
      List<Map<String, Object>> interventions,
      List<Map<String, Object>> arms) {
    Map<String, Object> trial = trialView(id, 1, masking, "Placebo");
    trial.put("consortium", consortium);
    trial.put("status", status);
    trial.put(
        "statusHistory",
        List.of(Map.of("status", status, "effectiveDate", LocalDate.now().toString())));
    trial.put("publicTitle", "Trial " + id + " of " + consortium);
    trial.put("resultsSharing", Map.of("aggregateResults", shared));
    trial.put("analysisPlan", Map.of("endOfTreatmentVisit", "W8"));
    trial.put("interventions", interventions);
    trial.put("arms", arms);
    trial.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                visit("W0", 0, true, List.of("INFLAMMATION"), List.of("HAMD17", "MADRS")),
                visit("W8", 56, false, List.of("INFLAMMATION"), List.of("HAMD17", "MADRS")))));
    return trial;
  }

  /** An intervention of a record: its type and code. */
  static Map<String, Object> intervention(String type, String code) {
    Map<String, Object> intervention = new LinkedHashMap<>();
    intervention.put("type", type);
    intervention.put("code", code);
    intervention.put("name", type.toLowerCase() + " " + code);
    return intervention;
  }

  /** Standard care (e.g. an SSRI); {@code adjunct}: the psychobiotic is added to it. */
  static Map<String, Object> standardCare(String code, boolean adjunct) {
    Map<String, Object> care = intervention("STANDARD_CARE", code);
    care.put("adjunct", adjunct);
    return care;
  }

  /** An arm with its stable code and the codes of the interventions it receives. */
  static Map<String, Object> arm(
      String code, String label, String type, List<String> interventionCodes) {
    Map<String, Object> arm = arm(code, label, type);
    arm.put("interventionCodes", interventionCodes);
    return arm;
  }

  /** A visit of a schedule: the panels and scales it pre-registers. */
  static Map<String, Object> visit(
      String code, int day, boolean baseline, List<String> panels, List<String> scales) {
    Map<String, Object> visit = new LinkedHashMap<>();
    visit.put("code", code);
    visit.put("label", code);
    visit.put("dayOffset", day);
    visit.put("baseline", baseline);
    visit.put("panels", panels);
    visit.put("scales", scales);
    return visit;
  }

  @Override
  public void close() {
    producer.close();
  }
}
