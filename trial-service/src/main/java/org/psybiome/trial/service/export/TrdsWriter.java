package org.psybiome.trial.service.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.EnrolmentType;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.service.registries.CtgovCountries;

/**
 * A trial as the WHO Trial Registration Data Set (version 1.3.1): its 24 items in order, each with
 * the standard's number and label and a structured value; an item the record lacks has the value
 * null, so that what is missing shows.
 */
public final class TrdsWriter {

  public static final String VERSION = "1.3.1";

  /** The items' labels as WHO's TRDS 1.3.1 names them. */
  static final List<String> LABELS =
      List.of(
          "Primary Registry and Trial Identifying Number",
          "Date of Registration in Primary Registry",
          "Secondary Identifying Numbers",
          "Source(s) of Monetary or Material Support",
          "Primary Sponsor",
          "Secondary Sponsor(s)",
          "Contact for Public Queries",
          "Contact for Scientific Queries",
          "Public Title",
          "Scientific Title",
          "Countries of Recruitment",
          "Health Condition(s) or Problem(s) Studied",
          "Intervention(s)",
          "Key Inclusion and Exclusion Criteria",
          "Study Type",
          "Date of First Enrollment",
          "Sample Size",
          "Recruitment Status",
          "Primary Outcome(s)",
          "Key Secondary Outcomes",
          "Ethics Review",
          "Completion date",
          "Summary Results",
          "IPD sharing statement");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper json;

  /**
   * @param json the service's mapper; absent properties of nested values are left out
   */
  public TrdsWriter(ObjectMapper json) {
    this.json = json.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
  }

  public ObjectNode dataSet(TrialView trial) {
    TrialContent c = trial.content();
    ObjectNode document = NODES.objectNode();
    document.put("dataSet", "WHO Trial Registration Data Set");
    document.put("version", VERSION);
    ArrayNode items = document.putArray("items");
    List<JsonNode> values =
        List.of(
            NODES.objectNode().put("registry", trial.primaryRegistry()).put("id", trial.id()),
            date(trial.registeredOn()),
            secondaryIds(c),
            strings(c.sourcesOfSupport()),
            text(c.primarySponsor()),
            strings(secondarySponsors(c)),
            value(c.publicContact()),
            value(c.scientificContact()),
            text(c.publicTitle()),
            scientificTitle(c),
            countries(c),
            conditions(c),
            interventions(c),
            criteria(c.eligibility()),
            studyType(c.design()),
            milestone(
                c.dates() == null ? null : c.dates().studyStart(), c.anticipatedFirstEnrolment()),
            sampleSize(trial, c),
            status(trial),
            outcomes(c.primaryOutcomes()),
            outcomes(c.secondaryOutcomes()),
            ethics(c),
            completion(c),
            summaryResults(c.summaryResults()),
            value(c.ipdSharing()));
    for (int i = 0; i < LABELS.size(); i++) {
      ObjectNode item = items.addObject();
      item.put("item", i + 1);
      item.put("label", LABELS.get(i));
      item.set("value", values.get(i));
    }
    return document;
  }

  /** Item 3: each id with its issuing authority (the registry, or the issuer it names). */
  private JsonNode secondaryIds(TrialContent c) {
    ArrayNode ids = NODES.arrayNode();
    for (TrialContent.SecondaryId id : c.secondaryIds()) {
      ObjectNode node = ids.addObject();
      node.put("issuingAuthority", id.issuer() != null ? id.issuer() : id.registry().name());
      node.put("registry", id.registry().name());
      node.put("id", id.value());
      if (id.kind() != null) {
        node.put("kind", id.kind().name());
      }
    }
    return orNull(ids);
  }

  /** Item 6: the secondary sponsors, then collaborators not already named. */
  private static List<String> secondarySponsors(TrialContent c) {
    Set<String> names = new LinkedHashSet<>(c.secondarySponsors());
    c.collaborators().forEach(o -> names.add(o.name()));
    return List.copyOf(names);
  }

  private JsonNode scientificTitle(TrialContent c) {
    if (c.scientificTitle() == null && c.acronym() == null) {
      return NullNode.instance;
    }
    ObjectNode title = NODES.objectNode();
    title.put("title", c.scientificTitle());
    if (c.acronym() != null) {
      title.put("acronym", c.acronym());
    }
    return title;
  }

  /** Item 11: the countries of recruitment and of the sites, as codes with English names. */
  private static JsonNode countries(TrialContent c) {
    Set<String> codes = new LinkedHashSet<>(c.countries());
    c.sites().forEach(s -> codes.add(s.country()));
    ArrayNode countries = NODES.arrayNode();
    for (String code : codes) {
      ObjectNode country = countries.addObject().put("code", code);
      CtgovCountries.name(code).ifPresent(name -> country.put("name", name));
    }
    return orNull(countries);
  }

  private JsonNode conditions(TrialContent c) {
    ArrayNode conditions = NODES.arrayNode();
    for (TrialContent.Condition condition : c.conditions()) {
      ObjectNode node = conditions.addObject().put("name", condition.label());
      if (condition.system() != null) {
        node.put("system", condition.system().name());
        node.put("code", condition.code());
      }
    }
    return orNull(conditions);
  }

  /** Item 13: name and description of each intervention, with its kind and other names. */
  private JsonNode interventions(TrialContent c) {
    ArrayNode interventions = NODES.arrayNode();
    for (Intervention intervention : c.interventions()) {
      ObjectNode node = interventions.addObject();
      node.put("name", intervention.name());
      node.put("type", intervention.typeName());
      JsonNode description = json.valueToTree(intervention).get("description");
      if (description != null && description.isTextual()) {
        node.set("description", description);
      }
      if (intervention.otherNames() != null && !intervention.otherNames().isEmpty()) {
        node.set("otherNames", strings(intervention.otherNames()));
      }
    }
    return orNull(interventions);
  }

  private JsonNode criteria(TrialContent.Eligibility e) {
    if (e == null) {
      return NullNode.instance;
    }
    ObjectNode criteria = NODES.objectNode();
    if (e.inclusionCriteria() != null && !e.inclusionCriteria().isEmpty()) {
      criteria.set("inclusionCriteria", strings(e.inclusionCriteria()));
    }
    if (e.exclusionCriteria() != null && !e.exclusionCriteria().isEmpty()) {
      criteria.set("exclusionCriteria", strings(e.exclusionCriteria()));
    }
    if (e.criteriaText() != null) {
      criteria.put("criteriaText", e.criteriaText());
    }
    String minimum = e.minimumAge() != null ? e.minimumAge() : years(e.minAgeYears());
    String maximum = e.maximumAge() != null ? e.maximumAge() : years(e.maxAgeYears());
    if (minimum != null) {
      criteria.put("minimumAge", minimum);
    }
    if (maximum != null) {
      criteria.put("maximumAge", maximum);
    }
    if (e.sex() != null) {
      criteria.put("sex", e.sex().name());
    }
    if (e.healthyVolunteers() != null) {
      criteria.put("healthyVolunteers", e.healthyVolunteers());
    }
    return orNull(criteria);
  }

  private static String years(Integer years) {
    return years == null ? null : years + " Years";
  }

  /** Item 15: type; allocation, masking, purpose and phase of the design. */
  private JsonNode studyType(TrialContent.Design d) {
    if (d == null) {
      return NullNode.instance;
    }
    ObjectNode type = NODES.objectNode();
    putEnum(type, "type", d.studyType());
    putEnum(type, "allocation", d.allocation());
    putEnum(type, "assignment", d.interventionModel());
    if (d.masking() != null) {
      type.set("masking", json.valueToTree(d.masking()));
    }
    putEnum(type, "purpose", d.primaryPurpose());
    putEnum(type, "phase", d.phase());
    return orNull(type);
  }

  /** Item 16 (and 22): a date, to the day or month, anticipated or actual. */
  private static JsonNode milestone(TrialContent.Milestone milestone, LocalDate legacy) {
    if (milestone != null) {
      return NODES
          .objectNode()
          .put("date", milestone.date().toString())
          .put("type", milestone.type() == null ? null : milestone.type().name());
    }
    return legacy == null ? NullNode.instance : NODES.objectNode().put("date", legacy.toString());
  }

  /**
   * Item 17: the target, and the actual number enrolled: as the trial reports it, else the
   * participants enrolled here once the trial is registered here (an imported trial's participants
   * are not enrolled here: without a reported number its actual enrolment is unknown).
   */
  private static JsonNode sampleSize(TrialView trial, TrialContent c) {
    ObjectNode size = NODES.objectNode();
    TrialContent.ReportedEnrolment reported = c.enrolment();
    if (c.targetSampleSize() != null) {
      size.put("target", c.targetSampleSize());
    } else if (reported != null && reported.type() == EnrolmentType.ESTIMATED) {
      size.put("target", reported.count());
    }
    if (reported != null && reported.type() == EnrolmentType.ACTUAL) {
      size.put("actual", reported.count());
    } else if (trial.status().isRegistered() && trial.source() == null) {
      size.put("actual", Math.toIntExact(trial.actualEnrolment()));
    }
    return orNull(size);
  }

  private static JsonNode status(TrialView trial) {
    ObjectNode status = NODES.objectNode().put("status", trial.status().name());
    if (trial.lastKnownStatus() != null) {
      status.put("lastKnownStatus", trial.lastKnownStatus().name());
    }
    return status;
  }

  /** Items 19 and 20: each outcome's name, how it is measured, and when. */
  private static JsonNode outcomes(List<TrialContent.Outcome> outcomes) {
    ArrayNode list = NODES.arrayNode();
    if (outcomes == null) {
      return NullNode.instance;
    }
    for (TrialContent.Outcome outcome : outcomes) {
      ObjectNode node = list.addObject();
      String name =
          outcome.title() != null
              ? outcome.title()
              : outcome.measure() == null ? null : outcome.measure().code();
      node.put("name", name);
      if (outcome.measure() != null) {
        node.putObject("measure")
            .put("kind", outcome.measure().kind().name())
            .put("code", outcome.measure().code());
      }
      if (outcome.description() != null) {
        node.put("description", outcome.description());
      }
      if (outcome.timeFrame() != null) {
        node.put("timeFrame", outcome.timeFrame());
      }
    }
    return orNull(list);
  }

  /** Item 21: per committee, the status, date of approval, and the committee's contact. */
  private JsonNode ethics(TrialContent c) {
    List<TrialContent.EthicsReview> reviews =
        !c.ethicsReviews().isEmpty()
            ? c.ethicsReviews()
            : c.ethicsReview() == null ? List.of() : List.of(c.ethicsReview());
    ArrayNode list = NODES.arrayNode();
    for (TrialContent.EthicsReview review : reviews) {
      ObjectNode node = list.addObject().put("status", review.status().name());
      if (review.approvalDate() != null) {
        node.put("approvalDate", review.approvalDate().toString());
      }
      ObjectNode committee = NODES.objectNode();
      putText(committee, "name", review.committee());
      putText(committee, "email", review.contactEmail());
      putText(committee, "phone", review.contactPhone());
      putText(committee, "address", review.contactAddress());
      if (!committee.isEmpty()) {
        node.set("committee", committee);
      }
      putText(node, "reference", review.reference());
    }
    return orNull(list);
  }

  /** Item 22: primary completion and study completion. */
  private static JsonNode completion(TrialContent c) {
    ObjectNode completion = NODES.objectNode();
    TrialContent.KeyDates dates = c.dates();
    JsonNode primary = milestone(dates == null ? null : dates.primaryCompletion(), null);
    JsonNode study = milestone(dates == null ? null : dates.studyCompletion(), c.completionDate());
    if (!primary.isNull()) {
      completion.set("primaryCompletion", primary);
    }
    if (!study.isNull()) {
      completion.set("studyCompletion", study);
    }
    return orNull(completion);
  }

  /** Item 23, with the sub-items the standard lists. */
  private JsonNode summaryResults(TrialContent.SummaryResults r) {
    if (r == null) {
      return NullNode.instance;
    }
    ObjectNode results = NODES.objectNode();
    putText(results, "datePosted", r.postedOn() == null ? null : r.postedOn().toString());
    putText(
        results,
        "dateOfFirstJournalPublication",
        r.firstPublicationDate() == null ? null : r.firstPublicationDate().toString());
    putText(results, "url", r.url());
    putTree(results, "baselineCharacteristics", r.baselineCharacteristics());
    putTree(results, "participantFlow", r.participantFlow());
    putTree(results, "adverseEvents", r.adverseEvents());
    if (!r.outcomeMeasures().isEmpty()) {
      results.set("outcomeMeasures", json.valueToTree(r.outcomeMeasures()));
    }
    putText(results, "protocolUrl", r.protocolUrl());
    putText(results, "briefSummary", r.summary());
    return orNull(results);
  }

  // --- small helpers -----------------------------------------------------------------------------

  private JsonNode value(Object value) {
    return value == null ? NullNode.instance : json.valueToTree(value);
  }

  private void putTree(ObjectNode node, String name, Object value) {
    if (value != null) {
      node.set(name, json.valueToTree(value));
    }
  }

  private static JsonNode text(String value) {
    return value == null ? NullNode.instance : NODES.textNode(value);
  }

  private static JsonNode date(LocalDate value) {
    return value == null ? NullNode.instance : NODES.textNode(value.toString());
  }

  private static JsonNode strings(List<String> values) {
    if (values == null || values.isEmpty()) {
      return NullNode.instance;
    }
    ArrayNode array = NODES.arrayNode();
    values.forEach(array::add);
    return array;
  }

  private static void putText(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void putEnum(ObjectNode node, String name, Enum<?> value) {
    if (value != null) {
      node.put(name, value.name());
    }
  }

  private static JsonNode orNull(JsonNode container) {
    return container.isEmpty() ? NullNode.instance : container;
  }
}
