package org.psybiome.trial.service.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.psybiome.trial.api.StatusEntry;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.ArmType;
import org.psybiome.trial.model.DateType;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.InterventionModel;
import org.psybiome.trial.model.RegulatoryType;
import org.psybiome.trial.model.SecondaryIdKind;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.StudyType;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialContent.SecondaryId;
import org.psybiome.trial.model.TrialPhase;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.registries.CtgovCountries;

/**
 * A trial as a ClinicalTrials.gov API v2 study document: the inverse of the import. What the record
 * holds is written in ClinicalTrials.gov's modules, property names, enum values and order; then
 * every item the import kept verbatim ({@code source.unmapped}) is put back at its JSON pointer, so
 * that an imported trial exports as ClinicalTrials.gov gave it. Nothing the record lacks is
 * invented: such a property is left out.
 */
public final class CtgovStudyWriter {

  /** The agencies ClinicalTrials.gov types a grant number by (secondaryIdInfos type). */
  static final Set<String> US_AGENCIES = Set.of("NIH", "FDA", "VA", "CDC", "AHRQ", "SAMHSA");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectMapper results;

  /**
   * @param json the service's mapper; results are written with a copy that leaves out absent and
   *     empty properties, as ClinicalTrials.gov does
   */
  public CtgovStudyWriter(ObjectMapper json) {
    this.results = json.copy().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
  }

  public ObjectNode study(TrialView trial) {
    TrialContent c = trial.content();
    ObjectNode document = NODES.objectNode();
    ObjectNode protocol = document.putObject("protocolSection");
    put(protocol, "identificationModule", identification(trial, c));
    put(protocol, "statusModule", status(trial, c));
    put(protocol, "sponsorCollaboratorsModule", sponsors(c));
    put(protocol, "oversightModule", oversight(c.oversight()));
    ObjectNode description = NODES.objectNode();
    text(description, "briefSummary", c.briefSummary());
    text(description, "detailedDescription", c.detailedDescription());
    put(protocol, "descriptionModule", description);
    ObjectNode conditions = NODES.objectNode();
    strings(conditions, "conditions", c.conditions().stream().map(x -> x.label()).toList());
    strings(conditions, "keywords", c.keywords());
    put(protocol, "conditionsModule", conditions);
    put(protocol, "designModule", design(c));
    put(protocol, "armsInterventionsModule", armsAndInterventions(c));
    ObjectNode outcomes = NODES.objectNode();
    outcomes(outcomes, "primaryOutcomes", c.primaryOutcomes());
    outcomes(outcomes, "secondaryOutcomes", c.secondaryOutcomes());
    outcomes(outcomes, "otherOutcomes", c.otherOutcomes());
    put(protocol, "outcomesModule", outcomes);
    put(protocol, "eligibilityModule", eligibility(c.eligibility()));
    put(protocol, "contactsLocationsModule", contactsAndLocations(c));
    put(protocol, "referencesModule", references(c));
    put(protocol, "ipdSharingStatementModule", ipdSharing(c.ipdSharing()));
    ObjectNode resultsSection = results(c.summaryResults());
    put(document, "resultsSection", resultsSection);
    document.put("hasResults", !resultsSection.isEmpty());

    if (trial.source() != null && trial.source().unmapped() != null) {
      UnmappedItems.putBack(document, trial.source().unmapped());
    }
    return CtgovOrder.ordered(document);
  }

  // --- identification ---------------------------------------------------------------------

  private static ObjectNode identification(TrialView trial, TrialContent c) {
    ObjectNode module = NODES.objectNode();
    String nctId = nctId(c);
    text(module, "nctId", nctId);
    SecondaryId orgStudyId =
        c.secondaryIds().stream()
            .filter(id -> id.kind() == SecondaryIdKind.SPONSOR_PROTOCOL)
            .findFirst()
            .orElse(null);
    if (orgStudyId != null) {
      module.putObject("orgStudyIdInfo").put("id", orgStudyId.value());
    }
    ArrayNode secondary = NODES.arrayNode();
    for (SecondaryId id : c.secondaryIds()) {
      if (id == orgStudyId
          || (id.registry() == SecondaryRegistry.NCT && id.value().equals(nctId))) {
        continue;
      }
      secondary.add(secondaryIdInfo(id));
    }
    put(module, "secondaryIdInfos", secondary);
    if (c.primarySponsor() != null) {
      // the organisation responsible for the record, which the record knows as the sponsor
      ObjectNode organization = module.putObject("organization");
      organization.put("fullName", c.primarySponsor());
      enumValue(organization, "class", c.primarySponsorClass());
    }
    text(module, "briefTitle", c.publicTitle());
    text(module, "officialTitle", c.scientificTitle());
    text(module, "acronym", c.acronym());
    return module;
  }

  /** The NCT number: the original registration's, if the trial was first registered there. */
  static String nctId(TrialContent c) {
    if (c.originalRegistration() != null
        && c.originalRegistration().registry() == SecondaryRegistry.NCT) {
      return c.originalRegistration().id();
    }
    return c.secondaryIds().stream()
        .filter(id -> id.registry() == SecondaryRegistry.NCT)
        .map(SecondaryId::value)
        .findFirst()
        .orElse(null);
  }

  static ObjectNode secondaryIdInfo(SecondaryId id) {
    ObjectNode info = NODES.objectNode().put("id", id.value());
    switch (id.registry()) {
      case EUDRACT -> info.put("type", "EUDRACT_NUMBER");
      case CTIS -> info.put("type", "CTIS");
      case OTHER -> {
        SecondaryIdKind kind = id.kind() == null ? SecondaryIdKind.OTHER : id.kind();
        if (kind == SecondaryIdKind.GRANT
            && id.issuer() != null
            && US_AGENCIES.contains(id.issuer())) {
          info.put("type", id.issuer());
        } else {
          info.put(
              "type",
              switch (kind) {
                case GRANT -> "OTHER_GRANT";
                case REGISTRY -> "REGISTRY";
                case SPONSOR_PROTOCOL, OTHER -> "OTHER";
              });
          text(info, "domain", id.issuer());
        }
      }
      default -> {
        // a registry of its own: ClinicalTrials.gov names it in domain
        info.put("type", "REGISTRY");
        info.put("domain", id.issuer() != null ? id.issuer() : id.registry().name());
      }
    }
    return info;
  }

  // --- status ------------------------------------------------------------------------------

  private static ObjectNode status(TrialView trial, TrialContent c) {
    ObjectNode module = NODES.objectNode();
    TrialContent.KeyDates dates = c.dates();
    if (dates != null && dates.statusVerified() != null) {
      module.put("statusVerifiedDate", dates.statusVerified().toString());
    }
    // ClinicalTrials.gov has no draft: a draft's export has no overall status
    if (trial.status() != TrialStatus.DRAFT) {
      module.put("overallStatus", trial.status().name());
    }
    TrialStatus effective =
        trial.status() == TrialStatus.UNKNOWN ? trial.lastKnownStatus() : trial.status();
    if (effective != null && effective.isStop()) {
      text(module, "whyStopped", whyStopped(trial.statusHistory()));
    }
    if (trial.status() == TrialStatus.UNKNOWN && trial.lastKnownStatus() != null) {
      module.put("lastKnownStatus", trial.lastKnownStatus().name());
    }
    if (dates != null) {
      put(module, "startDateStruct", dateStruct(dates.studyStart()));
      put(module, "primaryCompletionDateStruct", dateStruct(dates.primaryCompletion()));
      put(module, "completionDateStruct", dateStruct(dates.studyCompletion()));
    }
    TrialContent.OriginalRegistration original = c.originalRegistration();
    if (original != null && original.registry() == SecondaryRegistry.NCT) {
      // the record keeps these dates without ClinicalTrials.gov's ACTUAL/ESTIMATED type
      date(module, "studyFirstSubmitDate", original.firstSubmitted());
      postDate(module, "studyFirstPostDateStruct", original.firstPosted());
      postDate(module, "resultsFirstPostDateStruct", original.resultsFirstPosted());
      postDate(module, "lastUpdatePostDateStruct", original.lastUpdatePosted());
    }
    return module;
  }

  /** The reason given with the latest suspension, termination or withdrawal. */
  static String whyStopped(List<StatusEntry> history) {
    String reason = null;
    for (StatusEntry entry : history) {
      if (entry.status().isStop()) {
        reason = entry.reason();
      }
    }
    return reason;
  }

  private static ObjectNode dateStruct(TrialContent.Milestone milestone) {
    ObjectNode struct = NODES.objectNode();
    if (milestone != null) {
      struct.put("date", milestone.date().toString());
      if (milestone.type() != null) {
        struct.put("type", milestone.type() == DateType.ACTUAL ? "ACTUAL" : "ESTIMATED");
      }
    }
    return struct;
  }

  private static void postDate(ObjectNode module, String name, LocalDate date) {
    if (date != null) {
      module.putObject(name).put("date", date.toString());
    }
  }

  // --- sponsors and oversight ------------------------------------------------------------------

  private static ObjectNode sponsors(TrialContent c) {
    ObjectNode module = NODES.objectNode();
    TrialContent.ResponsibleParty party = c.responsibleParty();
    if (party != null) {
      ObjectNode node = module.putObject("responsibleParty");
      node.put("type", party.type().name());
      text(node, "investigatorFullName", party.investigatorName());
      text(node, "investigatorTitle", party.investigatorTitle());
      text(node, "investigatorAffiliation", party.investigatorAffiliation());
    }
    if (c.primarySponsor() != null) {
      ObjectNode lead = module.putObject("leadSponsor").put("name", c.primarySponsor());
      enumValue(lead, "class", c.primarySponsorClass());
    }
    // TRDS secondary sponsors are ClinicalTrials.gov's collaborators
    ArrayNode collaborators = NODES.arrayNode();
    Set<String> named = new LinkedHashSet<>();
    for (TrialContent.Organisation organisation : c.collaborators()) {
      ObjectNode node = collaborators.addObject().put("name", organisation.name());
      enumValue(node, "class", organisation.sponsorClass());
      named.add(organisation.name());
    }
    c.secondarySponsors().stream()
        .filter(named::add)
        .forEach(name -> collaborators.addObject().put("name", name));
    put(module, "collaborators", collaborators);
    return module;
  }

  private static ObjectNode oversight(TrialContent.Oversight oversight) {
    ObjectNode module = NODES.objectNode();
    if (oversight != null) {
      bool(module, "oversightHasDmc", oversight.hasDmc());
      bool(module, "isFdaRegulatedDrug", oversight.fdaRegulatedDrug());
      bool(module, "isFdaRegulatedDevice", oversight.fdaRegulatedDevice());
      bool(module, "isUnapprovedDevice", oversight.unapprovedDevice());
      bool(module, "isUsExport", oversight.usExport());
    }
    return module;
  }

  // --- design ------------------------------------------------------------------------------

  private static ObjectNode design(TrialContent c) {
    ObjectNode module = NODES.objectNode();
    TrialContent.Design design = c.design();
    if (design != null) {
      enumValue(module, "studyType", design.studyType());
      if (design.phase() != null && design.studyType() != StudyType.OBSERVATIONAL) {
        strings(module, "phases", phases(design.phase()));
      }
      bool(module, "patientRegistry", design.patientRegistry());
      ObjectNode info = NODES.objectNode();
      enumValue(info, "allocation", design.allocation());
      // N-of-1 has no ClinicalTrials.gov intervention model: left out rather than guessed
      if (design.interventionModel() != null
          && design.interventionModel() != InterventionModel.N_OF_1) {
        info.put("interventionModel", design.interventionModel().name());
      }
      text(info, "interventionModelDescription", design.interventionModelDescription());
      enumValue(info, "primaryPurpose", design.primaryPurpose());
      if (design.masking() != null) {
        ObjectNode masking = info.putObject("maskingInfo");
        masking.put("masking", design.masking().level().name());
        text(masking, "maskingDescription", design.masking().description());
        strings(
            masking, "whoMasked", design.masking().maskedRoles().stream().map(Enum::name).toList());
      }
      enumValue(info, "observationalModel", design.observationalModel());
      enumValue(info, "timePerspective", design.timePerspective());
      put(module, "designInfo", info);
    }
    if (c.enrolment() != null) {
      ObjectNode enrollment =
          module.putObject("enrollmentInfo").put("count", c.enrolment().count());
      if (c.enrolment().type() != null) {
        enrollment.put("type", c.enrolment().type().name());
      }
    } else if (c.targetSampleSize() != null) {
      // a target is what ClinicalTrials.gov calls an estimated enrollment
      module
          .putObject("enrollmentInfo")
          .put("count", c.targetSampleSize())
          .put("type", "ESTIMATED");
    }
    return module;
  }

  static List<String> phases(TrialPhase phase) {
    return switch (phase) {
      case NA -> List.of("NA");
      case EARLY_PHASE_1 -> List.of("EARLY_PHASE1");
      case PHASE_1 -> List.of("PHASE1");
      case PHASE_1_2 -> List.of("PHASE1", "PHASE2");
      case PHASE_2 -> List.of("PHASE2");
      case PHASE_2_3 -> List.of("PHASE2", "PHASE3");
      case PHASE_3 -> List.of("PHASE3");
      case PHASE_4 -> List.of("PHASE4");
    };
  }

  // --- arms and interventions ------------------------------------------------------------------

  private static ObjectNode armsAndInterventions(TrialContent c) {
    ObjectNode module = NODES.objectNode();
    ArrayNode arms = NODES.arrayNode();
    for (TrialContent.Arm arm : c.arms()) {
      ObjectNode node = arms.addObject().put("label", arm.label());
      // a cohort of an observational study has no type at ClinicalTrials.gov
      if (arm.type() != ArmType.COHORT) {
        node.put("type", arm.type().name());
      }
      text(node, "description", arm.description());
      strings(
          node,
          "interventionNames",
          arm.interventionCodes().stream()
              .flatMap(code -> c.interventions().stream().filter(i -> i.code().equals(code)))
              .map(i -> displayType(ctgovType(i)) + ": " + i.name())
              .toList());
    }
    put(module, "armGroups", arms);
    ArrayNode interventions = NODES.arrayNode();
    for (Intervention intervention : c.interventions()) {
      ObjectNode node = interventions.addObject();
      node.put("type", ctgovType(intervention).name());
      node.put("name", intervention.name());
      text(node, "description", description(intervention));
      strings(
          node,
          "armGroupLabels",
          c.arms().stream()
              .filter(a -> a.interventionCodes().contains(intervention.code()))
              .map(TrialContent.Arm::label)
              .toList());
      strings(node, "otherNames", intervention.otherNames());
    }
    put(module, "interventions", interventions);
    return module;
  }

  /**
   * ClinicalTrials.gov's type of an intervention: its regulatory type where the record gives one,
   * else what a regulator usually calls that kind of psychobiotic intervention.
   */
  static RegulatoryType ctgovType(Intervention intervention) {
    if (intervention.regulatoryType() != null) {
      return intervention.regulatoryType();
    }
    return switch (intervention.typeName()) {
      case "PROBIOTIC", "PREBIOTIC", "SYNBIOTIC", "POSTBIOTIC" -> RegulatoryType.DIETARY_SUPPLEMENT;
      case "FMT" -> RegulatoryType.BIOLOGICAL;
      case "DIET", "ATTENTION_CONTROL" -> RegulatoryType.BEHAVIORAL;
      case "STANDARD_CARE" -> RegulatoryType.DRUG;
      default -> RegulatoryType.OTHER; // PLACEBO, SHAM, OTHER
    };
  }

  /** How ClinicalTrials.gov names a type in an arm's interventionNames ("Dietary Supplement"). */
  static String displayType(RegulatoryType type) {
    String[] words = type.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder display = new StringBuilder();
    for (String word : words) {
      if (!display.isEmpty()) {
        display.append(' ');
      }
      display.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return display.toString();
  }

  private static String description(Intervention intervention) {
    if (intervention instanceof Intervention.Probiotic i) {
      return i.description();
    } else if (intervention instanceof Intervention.Prebiotic i) {
      return i.description();
    } else if (intervention instanceof Intervention.Synbiotic i) {
      return i.description();
    } else if (intervention instanceof Intervention.Postbiotic i) {
      return i.description();
    } else if (intervention instanceof Intervention.Fmt i) {
      return i.description();
    } else if (intervention instanceof Intervention.Diet i) {
      return i.description();
    } else if (intervention instanceof Intervention.Placebo i) {
      return i.description();
    } else if (intervention instanceof Intervention.Sham i) {
      return i.description();
    } else if (intervention instanceof Intervention.StandardCare i) {
      return i.description();
    } else if (intervention instanceof Intervention.AttentionControl i) {
      return i.description();
    } else if (intervention instanceof Intervention.Other i) {
      return i.description();
    }
    throw new IllegalStateException("unknown intervention " + intervention.typeName());
  }

  // --- outcomes and eligibility ------------------------------------------------------------------

  private static void outcomes(
      ObjectNode module, String name, Collection<TrialContent.Outcome> outcomes) {
    if (outcomes == null) {
      return;
    }
    ArrayNode list = NODES.arrayNode();
    for (TrialContent.Outcome outcome : outcomes) {
      ObjectNode node = list.addObject();
      // a catalogue-linked outcome without a title is named by its measure's code
      text(
          node,
          "measure",
          outcome.title() != null
              ? outcome.title()
              : outcome.measure() == null ? null : outcome.measure().code());
      text(node, "description", outcome.description());
      text(node, "timeFrame", outcome.timeFrame());
    }
    put(module, name, list);
  }

  private static ObjectNode eligibility(TrialContent.Eligibility e) {
    ObjectNode module = NODES.objectNode();
    if (e == null) {
      return module;
    }
    text(module, "eligibilityCriteria", criteriaText(e));
    bool(module, "healthyVolunteers", e.healthyVolunteers());
    enumValue(module, "sex", e.sex());
    bool(module, "genderBased", e.genderBased());
    text(module, "genderDescription", e.genderDescription());
    String minimum = e.minimumAge() != null ? e.minimumAge() : years(e.minAgeYears());
    String maximum = e.maximumAge() != null ? e.maximumAge() : years(e.maxAgeYears());
    text(module, "minimumAge", minimum);
    text(module, "maximumAge", maximum);
    if (minimum != null || maximum != null) {
      strings(module, "stdAges", StandardAges.of(minimum, maximum));
    }
    text(module, "studyPopulation", e.studyPopulation());
    enumValue(module, "samplingMethod", e.samplingMethod());
    return module;
  }

  /** The criteria as one text, laid out as ClinicalTrials.gov lays out its criteria. */
  static String criteriaText(TrialContent.Eligibility e) {
    if (e.criteriaText() != null) {
      return e.criteriaText();
    }
    List<String> parts = new ArrayList<>();
    if (e.inclusionCriteria() != null && !e.inclusionCriteria().isEmpty()) {
      parts.add("Inclusion Criteria:\n\n" + bullets(e.inclusionCriteria()));
    }
    if (e.exclusionCriteria() != null && !e.exclusionCriteria().isEmpty()) {
      parts.add("Exclusion Criteria:\n\n" + bullets(e.exclusionCriteria()));
    }
    return parts.isEmpty() ? null : String.join("\n\n", parts);
  }

  private static String bullets(List<String> items) {
    return String.join("\n", items.stream().map(i -> "* " + i).toList());
  }

  private static String years(Integer years) {
    return years == null ? null : years + " Years";
  }

  // --- contacts, locations, references, IPD ------------------------------------------------------

  private static ObjectNode contactsAndLocations(TrialContent c) {
    ObjectNode module = NODES.objectNode();
    if (c.publicContact() != null) {
      // the public contact is the central contact; the scientific one its backup, as the
      // import reads the second central contact
      ArrayNode central = module.putArray("centralContacts");
      for (TrialContent.Contact person :
          c.scientificContact() == null
              ? List.of(c.publicContact())
              : List.of(c.publicContact(), c.scientificContact())) {
        ObjectNode contact = central.addObject();
        contact.put("name", person.name());
        contact.put("role", "CONTACT");
        text(contact, "phone", person.phone());
        text(contact, "email", person.email());
      }
    }
    ArrayNode officials = NODES.arrayNode();
    for (TrialContent.Official official : c.overallOfficials()) {
      ObjectNode node = officials.addObject().put("name", official.name());
      text(node, "affiliation", official.affiliation());
      enumValue(node, "role", official.role());
    }
    put(module, "overallOfficials", officials);
    ArrayNode locations = NODES.arrayNode();
    Set<String> countriesWithSites = new LinkedHashSet<>();
    for (TrialContent.Site site : c.sites()) {
      ObjectNode node = locations.addObject();
      text(node, "facility", site.facility());
      enumValue(node, "status", site.status());
      text(node, "city", site.city());
      text(node, "state", site.state());
      text(node, "zip", site.zip());
      text(node, "country", country(site.country()));
      countriesWithSites.add(site.country());
    }
    // a country of recruitment without a site named is a location known only by its country
    c.countries().stream()
        .filter(code -> !countriesWithSites.contains(code))
        .forEach(code -> locations.addObject().put("country", country(code)));
    put(module, "locations", locations);
    return module;
  }

  private static String country(String code) {
    return CtgovCountries.name(code).orElse(code);
  }

  private static ObjectNode references(TrialContent c) {
    ObjectNode module = NODES.objectNode();
    ArrayNode references = NODES.arrayNode();
    for (TrialContent.Reference reference : c.references()) {
      // ClinicalTrials.gov keeps no DOI of its own: it is part of the citation it writes
      if (reference.pmid() == null && reference.citation() == null) {
        continue;
      }
      ObjectNode node = references.addObject();
      text(node, "pmid", reference.pmid());
      enumValue(node, "type", reference.type());
      text(node, "citation", reference.citation());
    }
    put(module, "references", references);
    ArrayNode links = NODES.arrayNode();
    for (TrialContent.Link link : c.links()) {
      ObjectNode node = links.addObject();
      text(node, "label", link.label());
      node.put("url", link.url());
    }
    put(module, "seeAlsoLinks", links);
    return module;
  }

  private static ObjectNode ipdSharing(TrialContent.IpdSharing ipd) {
    ObjectNode module = NODES.objectNode();
    if (ipd != null) {
      module.put("ipdSharing", ipd.plan().name());
      text(module, "description", ipd.description());
      if (ipd.infoTypes() != null) {
        strings(module, "infoTypes", ipd.infoTypes().stream().map(Enum::name).toList());
      }
      text(module, "timeFrame", ipd.timeFrame());
      text(module, "accessCriteria", ipd.accessCriteria());
      text(module, "url", ipd.url());
    }
    return module;
  }

  // --- results -----------------------------------------------------------------------------

  /** The structured results, in ClinicalTrials.gov's modules; empty when there are none. */
  private ObjectNode results(TrialContent.SummaryResults summary) {
    ObjectNode section = NODES.objectNode();
    if (summary == null) {
      return section;
    }
    put(section, "participantFlowModule", tree(summary.participantFlow()));
    put(section, "baselineCharacteristicsModule", tree(summary.baselineCharacteristics()));
    ObjectNode outcomeMeasures = NODES.objectNode();
    put(outcomeMeasures, "outcomeMeasures", tree(summary.outcomeMeasures()));
    put(section, "outcomeMeasuresModule", outcomeMeasures);
    put(section, "adverseEventsModule", tree(summary.adverseEvents()));
    if (!section.isEmpty() && summary.limitationsAndCaveats() != null) {
      section
          .putObject("moreInfoModule")
          .putObject("limitationsAndCaveats")
          .put("description", summary.limitationsAndCaveats());
    }
    return section;
  }

  /** Results records as JSON: their properties are ClinicalTrials.gov's own names. */
  private JsonNode tree(Object value) {
    return value == null ? null : results.valueToTree(value);
  }

  // --- small writers ---------------------------------------------------------------------------

  private static void put(ObjectNode parent, String name, JsonNode child) {
    if (child != null && !child.isEmpty()) {
      parent.set(name, child);
    }
  }

  private static void text(ObjectNode node, String name, String value) {
    if (value != null && !value.isBlank()) {
      node.put(name, value);
    }
  }

  private static void date(ObjectNode node, String name, LocalDate value) {
    if (value != null) {
      node.put(name, value.toString());
    }
  }

  private static void bool(ObjectNode node, String name, Boolean value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  private static void enumValue(ObjectNode node, String name, Enum<?> value) {
    if (value != null) {
      node.put(name, value.name());
    }
  }

  private static void strings(ObjectNode node, String name, Collection<String> values) {
    if (values != null && !values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(array::add);
    }
  }
}
