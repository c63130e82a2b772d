package org.psybiome.trial.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.psybiome.trial.service.imports.CtgovDocuments.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.Intervention;
import org.psybiome.trial.model.SecondaryIdKind;
import org.psybiome.trial.model.SecondaryRegistry;
import org.psybiome.trial.model.TrialContent.SecondaryId;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.imports.ImportedStudy.HistoricStatus;

/**
 * The mapper's decisions, each on a real document changed in the one respect under test: undated
 * types, the status history, placebo detection, secondary ids, and values that do not fit the
 * record (kept unmapped, with a warning, never cut or guessed).
 */
class CtgovMappingDecisionsTest {

  private static final String STATUS = "/protocolSection/statusModule";

  private final CtgovStudyMapper mapper = CtgovDocuments.mapper();

  // NCT00763412: start 2006-11 without a type, completion 2013-01 ACTUAL, verified 2017-05,
  // last update posted 2017-06-05
  private static ObjectNode monthOnly() {
    return CtgovDocuments.document("NCT00763412");
  }

  private static ObjectNode at(ObjectNode document, String pointer) {
    return (ObjectNode) document.at(pointer);
  }

  @Test
  void terminatedCarriesWhyStoppedAtTheActualCompletionDate() {
    ObjectNode document = monthOnly();
    at(document, STATUS).put("overallStatus", "TERMINATED").put("whyStopped", "Funding ended");
    ImportedStudy study = mapper.map(document);
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2006, 11, 1)),
            tuple(TrialStatus.TERMINATED, LocalDate.of(2013, 1, 1)));
    // a stop's reason is ClinicalTrials.gov's whyStopped, word for word
    assertThat(study.statusHistory().get(1).reason()).isEqualTo("Funding ended");
  }

  @Test
  void withoutTypesStartIsActualOnceStartedAndCompletionOnlyOnceEnded() {
    ObjectNode document = monthOnly();
    at(document, STATUS).put("overallStatus", "ACTIVE_NOT_RECRUITING");
    at(document, STATUS + "/primaryCompletionDateStruct").remove("type");
    at(document, STATUS + "/completionDateStruct").remove("type");
    ImportedStudy study = mapper.map(document);
    var dates = study.content().dates();
    // the record keeps the dates untyped, as the source gives them
    assertThat(dates.studyStart().type()).isNull();
    assertThat(dates.primaryCompletion().type()).isNull();
    assertThat(dates.studyCompletion().type()).isNull();
    // the history takes the start as ACTUAL and the completions as ANTICIPATED, and says so
    assertThat(study.notes())
        .filteredOn(n -> n.kind() == ImportNote.Kind.WARNING)
        .extracting(ImportNote::field, n -> n.message().contains("takes it as ACTUAL"))
        .contains(
            tuple("dates.studyStart.type", true),
            tuple("dates.primaryCompletion.type", false),
            tuple("dates.studyCompletion.type", false));
    // no actual primary completion: active, not recruiting from the month last verified
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2006, 11, 1)),
            tuple(TrialStatus.ACTIVE_NOT_RECRUITING, LocalDate.of(2017, 5, 1)));
  }

  @Test
  void anUndatedDateAfterTheLastUpdateIsNeverActual() {
    ObjectNode document = monthOnly();
    at(document, STATUS + "/completionDateStruct").put("date", "2018-01").remove("type");
    ImportedStudy study = mapper.map(document);
    // COMPLETED, but 2018-01 is after the last update posted on 2017-06-05: the history does not
    // date the completion from it (the actual primary completion 2013-01 instead)
    assertThat(study.content().dates().studyCompletion().type()).isNull();
    assertThat(study.notes())
        .anyMatch(
            n ->
                n.field().equals("dates.studyCompletion.type")
                    && n.message().contains("takes it as ANTICIPATED"));
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .contains(tuple(TrialStatus.COMPLETED, LocalDate.of(2013, 1, 1)));
  }

  @Test
  void effectiveDatesNeverGoBack() {
    // NCT00973089 is WITHDRAWN, verified 2015-08; an actual start after that goes first
    ObjectNode document = CtgovDocuments.document("NCT00973089");
    at(document, STATUS + "/startDateStruct").put("date", "2015-10-12").put("type", "ACTUAL");
    ImportedStudy study = mapper.map(document);
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate)
        .containsExactly(
            tuple(TrialStatus.RECRUITING, LocalDate.of(2015, 10, 12)),
            tuple(TrialStatus.WITHDRAWN, LocalDate.of(2015, 10, 12)));
    assertThat(study.statusHistory().get(0).reason())
        .isEqualTo("From the actual study start date (2015-10-12)");
    // the stop keeps why it stopped as its reason, word for word
    assertThat(study.statusHistory().get(1).reason())
        .isEqualTo(
            "recruiting or enrolling participants has halted prematurely and will not resume");
  }

  @Test
  void suspendedFromTheMonthLastVerified() {
    ObjectNode document = CtgovDocuments.document("NCT04267848");
    at(document, STATUS).put("overallStatus", "SUSPENDED").put("whyStopped", "Drug supply");
    ImportedStudy study = mapper.map(document);
    // start 2020-06-16 ACTUAL, statusVerifiedDate 2025-08
    assertThat(study.statusHistory())
        .extracting(HistoricStatus::status, HistoricStatus::effectiveDate, HistoricStatus::reason)
        .containsExactly(
            tuple(
                TrialStatus.RECRUITING,
                LocalDate.of(2020, 6, 16),
                "From the actual study start date (2020-06-16)"),
            tuple(TrialStatus.SUSPENDED, LocalDate.of(2025, 8, 1), "Drug supply"));
  }

  @Test
  void aPlaceboIsNamedPlaceboAloneAndIsNotADevice() {
    ObjectNode document = CtgovDocuments.document("NCT03418623");
    ArrayNode interventions =
        (ArrayNode) document.at("/protocolSection/armsInterventionsModule/interventions");
    interventions.add(json("{'type': 'DIETARY_SUPPLEMENT', 'name': 'Matching placebo capsules'}"));
    interventions.add(json("{'type': 'DRUG', 'name': 'GET73 and placebo'}"));
    interventions.add(json("{'type': 'DEVICE', 'name': 'Placebo device'}"));
    interventions.add(json("{'type': 'DRUG', 'name': 'Placebo-matched sertraline + CBT'}"));
    var typed = mapper.map(document).content().interventions();
    // GET73 (DRUG) and Placebo (OTHER) come first in the document
    assertThat(typed)
        .extracting(Intervention::name, i -> i instanceof Intervention.Placebo)
        .containsExactly(
            tuple("GET73", false),
            tuple("Placebo", true),
            tuple("Matching placebo capsules", true),
            tuple("GET73 and placebo", false),
            tuple("Placebo device", false),
            tuple("Placebo-matched sertraline + CBT", false));
  }

  @Test
  void secondaryIdsByTheirType() {
    ObjectNode document = CtgovDocuments.document("NCT03418623");
    at(document, "/protocolSection/identificationModule")
        .set(
            "secondaryIdInfos",
            json(
                "[{'id': '2019-00123-45', 'type': 'EUDRACT_NUMBER'},"
                    + "{'id': '2024-512345-12-00', 'type': 'CTIS'},"
                    + "{'id': 'ISRCTN12345678', 'type': 'REGISTRY', 'domain': 'ISRCTN'},"
                    + "{'id': 'R01AA025381', 'type': 'NIH'},"
                    + "{'id': 'GR-7', 'type': 'OTHER_GRANT', 'domain': 'Wellcome Trust'},"
                    + "{'id': 'R01AA025381', 'type': 'NIH'},"
                    + "{'id': 'X-1', 'type': 'SOMETHING_NEW', 'domain': 'Somebody'}]"));
    ImportedStudy study = mapper.map(document);
    assertThat(study.content().secondaryIds())
        .containsExactly(
            new SecondaryId(SecondaryRegistry.NCT, "NCT03418623", null, SecondaryIdKind.REGISTRY),
            new SecondaryId(
                SecondaryRegistry.OTHER,
                "GET73 ¹H-MRS",
                "Laboratorio Farmaceutico Ct S.r.l.",
                SecondaryIdKind.SPONSOR_PROTOCOL),
            // 2019-00123-45 has 5 digits where EudraCT has 6: kept, as an OTHER id
            new SecondaryId(
                SecondaryRegistry.OTHER, "2019-00123-45", "EUDRACT", SecondaryIdKind.REGISTRY),
            new SecondaryId(
                SecondaryRegistry.CTIS, "2024-512345-12-00", null, SecondaryIdKind.REGISTRY),
            new SecondaryId(
                SecondaryRegistry.ISRCTN, "ISRCTN12345678", null, SecondaryIdKind.REGISTRY),
            new SecondaryId(SecondaryRegistry.OTHER, "R01AA025381", "NIH", SecondaryIdKind.GRANT),
            new SecondaryId(
                SecondaryRegistry.OTHER, "GR-7", "Wellcome Trust", SecondaryIdKind.GRANT),
            new SecondaryId(SecondaryRegistry.OTHER, "X-1", "Somebody", SecondaryIdKind.OTHER));
    assertThat(study.notes())
        .filteredOn(n -> n.kind() == ImportNote.Kind.WARNING)
        .extracting(ImportNote::field)
        .contains("secondaryIds[2].registry", "secondaryIds", "secondaryIds[7].kind");
    String infos = "/protocolSection/identificationModule/secondaryIdInfos";
    // the repeated grant and the unknown type stay as ClinicalTrials.gov wrote them
    assertThat(study.unmapped()).containsKeys(infos + "/5", infos + "/6/type", infos + "/2/domain");
  }

  @Test
  void aTextOverTheRecordsLimitIsKeptWholeAndUnmapped() {
    ObjectNode document = CtgovDocuments.document("NCT03418623");
    String longSummary = "x".repeat(5001);
    at(document, "/protocolSection/descriptionModule").put("briefSummary", longSummary);
    ImportedStudy study = mapper.map(document);
    assertThat(study.content().briefSummary()).isNull();
    assertThat(study.unmapped().get("/protocolSection/descriptionModule/briefSummary").textValue())
        .isEqualTo(longSummary);
    assertThat(study.notes())
        .anyMatch(n -> n.kind() == ImportNote.Kind.WARNING && n.field().equals("briefSummary"));
  }

  @Test
  void unknownCodesMaskingThatDoesNotAddUpAndCountriesWithoutCodeStayUnmapped() {
    ObjectNode document = CtgovDocuments.document("NCT03418623");
    ObjectNode design = at(document, "/protocolSection/designModule/designInfo");
    design.put("allocation", "SOMETIMES");
    // QUADRUPLE masking naming one role
    ((ArrayNode) design.at("/maskingInfo/whoMasked")).removeAll().add("PARTICIPANT");
    at(document, "/protocolSection/contactsLocationsModule/locations/0").put("country", "Kosovo");
    ImportedStudy study = mapper.map(document);
    assertThat(study.content().design().allocation()).isNull();
    assertThat(study.content().design().masking()).isNull();
    assertThat(study.content().sites()).isEmpty();
    assertThat(study.unmapped())
        .containsKeys(
            "/protocolSection/designModule/designInfo/allocation",
            "/protocolSection/designModule/designInfo/maskingInfo",
            // the only location: nothing of the array was read, so it is handed back whole
            "/protocolSection/contactsLocationsModule/locations");
    assertThat(study.notes())
        .extracting(ImportNote::field)
        .contains("design.allocation", "design.masking", "sites");
  }

  @Test
  void whatAResultsRecordDoesNotHoldIsUnmappedAtItsPointer() {
    ObjectNode document = CtgovDocuments.document("NCT05594173");
    String group = "/resultsSection/participantFlowModule/groups/0";
    at(document, group).put("armGroupRef", "A1");
    ImportedStudy study = mapper.map(document);
    assertThat(study.content().summaryResults().participantFlow().groups()).hasSize(1);
    assertThat(study.unmapped()).containsKey(group + "/armGroupRef");
    assertThat(study.unmapped().keySet()).noneMatch(k -> k.startsWith(group + "/id"));
  }

  @Test
  void aResultsTextOverTheLimitIsLeftOutWholeAndABrokenModuleIsUnmapped() {
    ObjectNode document = CtgovDocuments.document("NCT05594173");
    String flow = "/resultsSection/participantFlowModule";
    String title = "t".repeat(301);
    at(document, flow + "/groups/0").put("title", title);
    at(document, "/resultsSection/adverseEventsModule/eventGroups/0").put("id", "");
    ImportedStudy study = mapper.map(document);
    var results = study.content().summaryResults();
    // ParticipantFlow's groups have titles of at most 300 characters
    assertThat(results.participantFlow().groups().get(0).title()).isNull();
    assertThat(study.unmapped().get(flow + "/groups/0/title").textValue()).isEqualTo(title);
    assertThat(study.unmapped().keySet()).noneMatch(k -> k.startsWith(flow + "/periods"));
    // an event group without an id is no event group: the module stays whole and unmapped
    assertThat(results.adverseEvents()).isNull();
    assertThat(study.unmapped()).containsKey("/resultsSection/adverseEventsModule");
    assertThat(study.notes())
        .filteredOn(n -> n.kind() == ImportNote.Kind.WARNING)
        .extracting(ImportNote::field)
        .contains("summaryResults.participantFlow", "summaryResults.adverseEvents");
  }
}
