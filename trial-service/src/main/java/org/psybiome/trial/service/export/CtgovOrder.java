package org.psybiome.trial.service.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The order ClinicalTrials.gov gives the properties of its study documents, by path (array indices
 * left out), as its API v2 returns them. Properties not listed keep their order after the listed
 * ones.
 */
final class CtgovOrder {

  private static final String P = "/protocolSection";
  private static final String R = "/resultsSection";
  private static final List<String> STRUCT = List.of("date", "type");
  private static final List<String> GROUP = List.of("id", "title", "description");
  private static final List<String> DENOM = List.of("units", "counts");
  private static final List<String> COUNT = List.of("groupId", "value");
  private static final List<String> CLASS = List.of("title", "denoms", "categories");
  private static final List<String> CATEGORY = List.of("title", "measurements");
  private static final List<String> MEASUREMENT =
      List.of("groupId", "value", "spread", "lowerLimit", "upperLimit", "comment");
  private static final List<String> OUTCOME = List.of("measure", "description", "timeFrame");
  private static final List<String> CONTACT = List.of("name", "role", "phone", "phoneExt", "email");
  private static final List<String> EVENT =
      List.of("term", "organSystem", "sourceVocabulary", "assessmentType", "notes", "stats");
  private static final List<String> STAT =
      List.of("groupId", "numEvents", "numAffected", "numAtRisk");

  static final Map<String, List<String>> ORDER =
      Map.ofEntries(
          Map.entry(
              "",
              List.of(
                  "protocolSection",
                  "resultsSection",
                  "annotationSection",
                  "documentSection",
                  "derivedSection",
                  "hasResults")),
          Map.entry(
              P,
              List.of(
                  "identificationModule",
                  "statusModule",
                  "sponsorCollaboratorsModule",
                  "oversightModule",
                  "descriptionModule",
                  "conditionsModule",
                  "designModule",
                  "armsInterventionsModule",
                  "outcomesModule",
                  "eligibilityModule",
                  "contactsLocationsModule",
                  "referencesModule",
                  "ipdSharingStatementModule")),
          Map.entry(
              P + "/identificationModule",
              List.of(
                  "nctId",
                  "nctIdAliases",
                  "orgStudyIdInfo",
                  "secondaryIdInfos",
                  "organization",
                  "briefTitle",
                  "officialTitle",
                  "acronym")),
          Map.entry(P + "/identificationModule/orgStudyIdInfo", List.of("id", "type", "link")),
          Map.entry(
              P + "/identificationModule/secondaryIdInfos",
              List.of("id", "type", "domain", "link")),
          Map.entry(P + "/identificationModule/organization", List.of("fullName", "class")),
          Map.entry(
              P + "/statusModule",
              List.of(
                  "statusVerifiedDate",
                  "overallStatus",
                  "lastKnownStatus",
                  "delayedPosting",
                  "whyStopped",
                  "expandedAccessInfo",
                  "startDateStruct",
                  "primaryCompletionDateStruct",
                  "completionDateStruct",
                  "studyFirstSubmitDate",
                  "studyFirstSubmitQcDate",
                  "studyFirstPostDateStruct",
                  "resultsFirstSubmitDate",
                  "resultsFirstSubmitQcDate",
                  "resultsFirstPostDateStruct",
                  "lastUpdateSubmitDate",
                  "lastUpdatePostDateStruct")),
          Map.entry(P + "/statusModule/startDateStruct", STRUCT),
          Map.entry(P + "/statusModule/primaryCompletionDateStruct", STRUCT),
          Map.entry(P + "/statusModule/completionDateStruct", STRUCT),
          Map.entry(P + "/statusModule/studyFirstPostDateStruct", STRUCT),
          Map.entry(P + "/statusModule/resultsFirstPostDateStruct", STRUCT),
          Map.entry(P + "/statusModule/lastUpdatePostDateStruct", STRUCT),
          Map.entry(
              P + "/sponsorCollaboratorsModule",
              List.of("responsibleParty", "leadSponsor", "collaborators")),
          Map.entry(
              P + "/sponsorCollaboratorsModule/responsibleParty",
              List.of(
                  "type", "investigatorFullName", "investigatorTitle", "investigatorAffiliation")),
          Map.entry(P + "/sponsorCollaboratorsModule/leadSponsor", List.of("name", "class")),
          Map.entry(P + "/sponsorCollaboratorsModule/collaborators", List.of("name", "class")),
          Map.entry(
              P + "/oversightModule",
              List.of(
                  "oversightHasDmc",
                  "isFdaRegulatedDrug",
                  "isFdaRegulatedDevice",
                  "isUnapprovedDevice",
                  "isUsExport")),
          Map.entry(P + "/descriptionModule", List.of("briefSummary", "detailedDescription")),
          Map.entry(P + "/conditionsModule", List.of("conditions", "keywords")),
          Map.entry(
              P + "/designModule",
              List.of(
                  "studyType",
                  "phases",
                  "patientRegistry",
                  "targetDuration",
                  "designInfo",
                  "enrollmentInfo")),
          Map.entry(
              P + "/designModule/designInfo",
              List.of(
                  "allocation",
                  "interventionModel",
                  "interventionModelDescription",
                  "primaryPurpose",
                  "maskingInfo",
                  "observationalModel",
                  "timePerspective")),
          Map.entry(
              P + "/designModule/designInfo/maskingInfo",
              List.of("masking", "maskingDescription", "whoMasked")),
          Map.entry(P + "/designModule/enrollmentInfo", List.of("count", "type")),
          Map.entry(P + "/armsInterventionsModule", List.of("armGroups", "interventions")),
          Map.entry(
              P + "/armsInterventionsModule/armGroups",
              List.of("label", "type", "description", "interventionNames")),
          Map.entry(
              P + "/armsInterventionsModule/interventions",
              List.of("type", "name", "description", "armGroupLabels", "otherNames")),
          Map.entry(
              P + "/outcomesModule",
              List.of("primaryOutcomes", "secondaryOutcomes", "otherOutcomes")),
          Map.entry(P + "/outcomesModule/primaryOutcomes", OUTCOME),
          Map.entry(P + "/outcomesModule/secondaryOutcomes", OUTCOME),
          Map.entry(P + "/outcomesModule/otherOutcomes", OUTCOME),
          Map.entry(
              P + "/eligibilityModule",
              List.of(
                  "eligibilityCriteria",
                  "healthyVolunteers",
                  "sex",
                  "genderBased",
                  "genderDescription",
                  "minimumAge",
                  "maximumAge",
                  "stdAges",
                  "studyPopulation",
                  "samplingMethod")),
          Map.entry(
              P + "/contactsLocationsModule",
              List.of("centralContacts", "overallOfficials", "locations")),
          Map.entry(P + "/contactsLocationsModule/centralContacts", CONTACT),
          Map.entry(
              P + "/contactsLocationsModule/overallOfficials",
              List.of("name", "affiliation", "role")),
          Map.entry(
              P + "/contactsLocationsModule/locations",
              List.of(
                  "facility", "status", "city", "state", "zip", "country", "contacts", "geoPoint")),
          Map.entry(P + "/contactsLocationsModule/locations/contacts", CONTACT),
          Map.entry(P + "/referencesModule", List.of("references", "seeAlsoLinks")),
          Map.entry(P + "/referencesModule/references", List.of("pmid", "type", "citation")),
          Map.entry(P + "/referencesModule/seeAlsoLinks", List.of("label", "url")),
          Map.entry(
              P + "/ipdSharingStatementModule",
              List.of(
                  "ipdSharing", "description", "infoTypes", "timeFrame", "accessCriteria", "url")),
          Map.entry(
              R,
              List.of(
                  "participantFlowModule",
                  "baselineCharacteristicsModule",
                  "outcomeMeasuresModule",
                  "adverseEventsModule",
                  "moreInfoModule")),
          Map.entry(
              R + "/participantFlowModule",
              List.of(
                  "preAssignmentDetails",
                  "recruitmentDetails",
                  "typeUnitsAnalyzed",
                  "groups",
                  "periods")),
          Map.entry(R + "/participantFlowModule/groups", GROUP),
          Map.entry(
              R + "/participantFlowModule/periods",
              List.of("title", "milestones", "dropWithdraws")),
          Map.entry(
              R + "/participantFlowModule/periods/milestones",
              List.of("type", "comment", "achievements")),
          Map.entry(
              R + "/participantFlowModule/periods/milestones/achievements",
              List.of("groupId", "comment", "numSubjects", "numUnits")),
          Map.entry(
              R + "/participantFlowModule/periods/dropWithdraws",
              List.of("type", "comment", "reasons")),
          Map.entry(
              R + "/participantFlowModule/periods/dropWithdraws/reasons",
              List.of("groupId", "comment", "numSubjects")),
          Map.entry(
              R + "/baselineCharacteristicsModule",
              List.of(
                  "populationDescription", "typeUnitsAnalyzed", "groups", "denoms", "measures")),
          Map.entry(R + "/baselineCharacteristicsModule/groups", GROUP),
          Map.entry(R + "/baselineCharacteristicsModule/denoms", DENOM),
          Map.entry(R + "/baselineCharacteristicsModule/denoms/counts", COUNT),
          Map.entry(
              R + "/baselineCharacteristicsModule/measures",
              List.of(
                  "title",
                  "description",
                  "populationDescription",
                  "paramType",
                  "dispersionType",
                  "unitOfMeasure",
                  "calculatePct",
                  "denomUnitsSelected",
                  "denoms",
                  "classes")),
          Map.entry(R + "/baselineCharacteristicsModule/measures/denoms", DENOM),
          Map.entry(R + "/baselineCharacteristicsModule/measures/denoms/counts", COUNT),
          Map.entry(R + "/baselineCharacteristicsModule/measures/classes", CLASS),
          Map.entry(R + "/baselineCharacteristicsModule/measures/classes/denoms", DENOM),
          Map.entry(R + "/baselineCharacteristicsModule/measures/classes/denoms/counts", COUNT),
          Map.entry(R + "/baselineCharacteristicsModule/measures/classes/categories", CATEGORY),
          Map.entry(
              R + "/baselineCharacteristicsModule/measures/classes/categories/measurements",
              MEASUREMENT),
          Map.entry(
              R + "/outcomeMeasuresModule/outcomeMeasures",
              List.of(
                  "type",
                  "title",
                  "description",
                  "populationDescription",
                  "reportingStatus",
                  "anticipatedPostingDate",
                  "paramType",
                  "dispersionType",
                  "unitOfMeasure",
                  "calculatePct",
                  "timeFrame",
                  "typeUnitsAnalyzed",
                  "denomUnitsSelected",
                  "groups",
                  "denoms",
                  "classes",
                  "analyses")),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/groups", GROUP),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/denoms", DENOM),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/denoms/counts", COUNT),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/classes", CLASS),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/classes/denoms", DENOM),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/classes/denoms/counts", COUNT),
          Map.entry(R + "/outcomeMeasuresModule/outcomeMeasures/classes/categories", CATEGORY),
          Map.entry(
              R + "/outcomeMeasuresModule/outcomeMeasures/classes/categories/measurements",
              MEASUREMENT),
          Map.entry(
              R + "/adverseEventsModule",
              List.of(
                  "frequencyThreshold",
                  "timeFrame",
                  "description",
                  "allCauseMortalityComment",
                  "eventGroups",
                  "seriousEvents",
                  "otherEvents")),
          Map.entry(
              R + "/adverseEventsModule/eventGroups",
              List.of(
                  "id",
                  "title",
                  "description",
                  "deathsNumAffected",
                  "deathsNumAtRisk",
                  "seriousNumAffected",
                  "seriousNumAtRisk",
                  "otherNumAffected",
                  "otherNumAtRisk")),
          Map.entry(R + "/adverseEventsModule/seriousEvents", EVENT),
          Map.entry(R + "/adverseEventsModule/seriousEvents/stats", STAT),
          Map.entry(R + "/adverseEventsModule/otherEvents", EVENT),
          Map.entry(R + "/adverseEventsModule/otherEvents/stats", STAT),
          Map.entry(
              R + "/moreInfoModule",
              List.of("limitationsAndCaveats", "certainAgreement", "pointOfContact")));

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CtgovOrder() {}

  /** A copy of a document with every object's properties in ClinicalTrials.gov's order. */
  static ObjectNode ordered(ObjectNode document) {
    return (ObjectNode) ordered(document, "");
  }

  private static JsonNode ordered(JsonNode node, String path) {
    if (node instanceof ArrayNode array) {
      ArrayNode copy = NODES.arrayNode();
      array.forEach(element -> copy.add(ordered(element, path)));
      return copy;
    }
    if (!(node instanceof ObjectNode object)) {
      return node;
    }
    List<String> names = new ArrayList<>(ORDER.getOrDefault(path, List.of()));
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        names.add(name);
      }
    }
    ObjectNode copy = NODES.objectNode();
    for (String name : names) {
      JsonNode child = object.get(name);
      if (child != null) {
        copy.set(name, ordered(child, path + "/" + name));
      }
    }
    return copy;
  }
}
