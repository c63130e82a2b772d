package org.psybiome.trial.service.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.export.ExportFixtures.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ClinicalTrials.gov API v2 study document written from hand-built trials. Expected values are
 * the ten real documents in ctgov/, or worked by hand from ClinicalTrials.gov's conventions as
 * those documents show them.
 */
class CtgovStudyWriterTest {

  private static final CtgovStudyWriter WRITER = new CtgovStudyWriter(JSON);

  private static final List<String> REAL =
      List.of(
          "NCT00763412",
          "NCT00973089",
          "NCT03418623",
          "NCT03475563",
          "NCT03630471",
          "NCT04207047",
          "NCT04267848",
          "NCT04431453",
          "NCT05594173",
          "NCT06171568");

  private static ObjectNode real(String nctId) {
    return ExportFixtures.json("ctgov/" + nctId + ".json");
  }

  private static ObjectNode export(String fixture) {
    return WRITER.study(ExportFixtures.trial(fixture));
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Equal including the order of properties, which JsonNode.equals ignores. */
  private static void assertSame(JsonNode actual, JsonNode expected) throws IOException {
    assertThat(JSON.writeValueAsString(actual)).isEqualTo(JSON.writeValueAsString(expected));
  }

  @Test
  void anImportedTrialExportsAsClinicalTrialsGovGaveIt() throws IOException {
    // the record the import makes of NCT03475563, what it had no place for kept verbatim
    ObjectNode exported = export("imported-NCT03475563");
    assertSame(exported, real("NCT03475563"));
  }

  @Test
  void identifiersGoWhereClinicalTrialsGovKeepsThem() throws IOException {
    JsonNode identification =
        export("probiotic-recruiting").at("/protocolSection/identificationModule");
    assertSame(
        identification,
        tree(
            "{'nctId': 'NCT06123456',"
                + " 'orgStudyIdInfo': {'id': 'PROBIO-DEP-01'},"
                + " 'secondaryIdInfos': ["
                + "  {'id': '2025-001234-17', 'type': 'EUDRACT_NUMBER'},"
                + "  {'id': 'ISRCTN12345678', 'type': 'REGISTRY', 'domain': 'ISRCTN'},"
                + "  {'id': 'R01MH123456', 'type': 'NIH'},"
                + "  {'id': '101045123', 'type': 'OTHER_GRANT', 'domain': 'European Research Council'},"
                + "  {'id': 'EA1/123/25', 'type': 'OTHER', 'domain': 'Ethikkommission der Charité'}],"
                + " 'organization': {'fullName': 'Charité – Universitätsmedizin Berlin', 'class': 'OTHER'},"
                + " 'briefTitle': 'Probiotics added to antidepressants for major depression',"
                + " 'officialTitle': 'Adjunctive Lactobacillus helveticus R0052 and Bifidobacterium"
                + " longum R0175 in major depressive disorder',"
                + " 'acronym': 'PROBIO-DEP'}"));
  }

  @Test
  void monthOnlyAndPlannedDatesAreEstimatedDateStructs() throws IOException {
    assertSame(
        export("probiotic-recruiting").at("/protocolSection/statusModule"),
        tree(
            "{'statusVerifiedDate': '2026-02', 'overallStatus': 'RECRUITING',"
                + " 'startDateStruct': {'date': '2026-03', 'type': 'ESTIMATED'},"
                + " 'primaryCompletionDateStruct': {'date': '2027-12', 'type': 'ESTIMATED'},"
                + " 'completionDateStruct': {'date': '2028-06-30', 'type': 'ESTIMATED'}}"));
  }

  @Test
  void armsInterventionsAndOutcomesAreNamedAsClinicalTrialsGovNamesThem() throws IOException {
    ObjectNode study = export("probiotic-recruiting");
    assertSame(
        study.at("/protocolSection/armsInterventionsModule"),
        tree(
            "{'armGroups': ["
                + "  {'label': 'Probiotic', 'type': 'EXPERIMENTAL', 'description': 'Probiotic sachet daily',"
                + "   'interventionNames': ['Dietary Supplement: L. helveticus R0052 + B. longum R0175']},"
                + "  {'label': 'Placebo', 'type': 'PLACEBO_COMPARATOR',"
                + "   'interventionNames': ['Other: Matched maltodextrin sachet']}],"
                + " 'interventions': ["
                + "  {'type': 'DIETARY_SUPPLEMENT', 'name': 'L. helveticus R0052 + B. longum R0175',"
                + "   'description': 'One sachet a day for 8 weeks', 'armGroupLabels': ['Probiotic'],"
                + "   'otherNames': ['Probio-Stick']},"
                + "  {'type': 'OTHER', 'name': 'Matched maltodextrin sachet',"
                + "   'description': 'Identical in taste, colour and packaging', 'armGroupLabels': ['Placebo']}]}"));
    assertThat(study.at("/protocolSection/designModule/phases"))
        .isEqualTo(tree("['PHASE2', 'PHASE3']"));
    assertSame(
        study.at("/protocolSection/outcomesModule"),
        tree(
            "{'primaryOutcomes': [{'measure': 'HAMD17', 'timeFrame': 'Baseline to week 8'}],"
                + " 'secondaryOutcomes': [{'measure': 'hs-CRP', 'description': 'Change in hs-CRP',"
                + " 'timeFrame': 'Baseline to week 8'}]}"));
  }

  @Test
  void criteriaListsAreLaidOutAsClinicalTrialsGovText() {
    JsonNode eligibility = export("probiotic-recruiting").at("/protocolSection/eligibilityModule");
    assertThat(eligibility.get("eligibilityCriteria").asText())
        .isEqualTo(
            "Inclusion Criteria:\n\n* Major depressive disorder (DSM-5)\n* HAMD-17 >= 18\n\n"
                + "Exclusion Criteria:\n\n* Antibiotics in the past 3 months");
    assertThat(eligibility.get("minimumAge").asText()).isEqualTo("18 Years");
    assertThat(eligibility.get("maximumAge").asText()).isEqualTo("65 Years");
    assertThat(eligibility.get("stdAges")).isEqualTo(tree("['ADULT', 'OLDER_ADULT']"));
  }

  @Test
  void sitesAndCountriesWithoutSitesAreLocationsNamedAsClinicalTrialsGovNamesCountries()
      throws IOException {
    ObjectNode study = export("probiotic-recruiting");
    assertSame(
        study.at("/protocolSection/contactsLocationsModule/locations"),
        tree(
            "[{'facility': 'Massachusetts General Hospital', 'status': 'RECRUITING', 'city': 'Boston',"
                + "  'state': 'Massachusetts', 'zip': '02114', 'country': 'United States'},"
                + " {'facility': 'Seoul National University Hospital', 'city': 'Seoul',"
                + "  'country': 'Korea, Republic of'},"
                + " {'country': 'Iran, Islamic Republic of'}]"));
    assertSame(
        study.at("/protocolSection/sponsorCollaboratorsModule/collaborators"),
        tree(
            "[{'name': 'Lallemand Health Solutions', 'class': 'INDUSTRY'},"
                + " {'name': 'APC Microbiome Ireland'}]"));
    // ClinicalTrials.gov keeps no DOI: the reference with one is written with its citation
    assertThat(study.at("/protocolSection/referencesModule/references/1/citation").asText())
        .isEqualTo("Messaoudi M, et al. Br J Nutr. 2011;105(5):755-64.");
  }

  @Test
  void whyStoppedIsTheReasonOfTheLatestStopAndResultsAreTheirModules() throws IOException {
    ObjectNode study = export("terminated-with-results");
    assertThat(study.at("/protocolSection/statusModule/whyStopped").asText())
        .isEqualTo("Slow recruitment");
    assertThat(study.at("/protocolSection/designModule"))
        .isEqualTo(
            tree(
                "{'studyType': 'INTERVENTIONAL', 'phases': ['NA'],"
                    + " 'enrollmentInfo': {'count': 12, 'type': 'ACTUAL'}}"));
    assertThat(fieldNames(study))
        .containsExactly("protocolSection", "resultsSection", "hasResults");
    assertThat(study.get("hasResults").asBoolean()).isTrue();
    JsonNode results = study.get("resultsSection");
    assertThat(fieldNames(results))
        .containsExactly(
            "participantFlowModule",
            "outcomeMeasuresModule",
            "adverseEventsModule",
            "moreInfoModule");
    // ClinicalTrials.gov writes the pre-assignment details first
    assertThat(fieldNames(results.get("participantFlowModule")))
        .containsExactly("preAssignmentDetails", "recruitmentDetails", "groups", "periods");
    assertSame(
        results.at("/outcomeMeasuresModule/outcomeMeasures/0/classes"),
        tree(
            "[{'categories': [{'measurements': [{'groupId': 'OG000', 'value': '-2.1', 'spread': '3.4'}]}]}]"));
    assertThat(results.at("/moreInfoModule/limitationsAndCaveats/description").asText())
        .isEqualTo("Terminated after 12 of 80 participants.");
  }

  @Test
  void aTrialWithoutStructuredResultsHasNoResultsSection() {
    ObjectNode study = export("probiotic-recruiting");
    assertThat(fieldNames(study)).containsExactly("protocolSection", "hasResults");
    assertThat(study.get("hasResults").asBoolean()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"probiotic-recruiting", "imported-NCT03475563", "terminated-with-results"})
  void everyPropertyWrittenIsOneClinicalTrialsGovWrites(String fixture) {
    Set<String> known = new TreeSet<>();
    REAL.forEach(nctId -> paths(real(nctId), "", known));
    Set<String> written = new TreeSet<>();
    paths(export(fixture), "", written);
    assertThat(known).containsAll(written);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"probiotic-recruiting", "imported-NCT03475563", "terminated-with-results"})
  void modulesComeInClinicalTrialsGovsOrder(String fixture) {
    List<String> modules = fieldNames(export(fixture).get("protocolSection"));
    List<String> order =
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
            "ipdSharingStatementModule");
    assertThat(modules).isSubsetOf(order);
    assertThat(modules).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
  }

  @Test
  void standardAgesAreDerivedAsClinicalTrialsGovDerivesThem() {
    for (String nctId : REAL) {
      JsonNode eligibility = real(nctId).at("/protocolSection/eligibilityModule");
      String min = eligibility.path("minimumAge").textValue();
      String max = eligibility.path("maximumAge").textValue();
      List<String> expected = new ArrayList<>();
      eligibility.path("stdAges").forEach(a -> expected.add(a.asText()));
      assertThat(StandardAges.of(min, max)).as(nctId).isEqualTo(expected);
    }
    assertThat(StandardAges.of("6 Months", "17 Years")).containsExactly("CHILD");
    assertThat(StandardAges.of("65 Years", null)).containsExactly("OLDER_ADULT");
  }

  @Test
  void anUnmappedItemInsideAnArrayElementGoesIntoThatElement() {
    ObjectNode document = (ObjectNode) tree("{'a': {'list': [{'x': 1}, {'x': 2}]}}");
    UnmappedItems.putBack(
        document,
        Map.of(
            "/a/list/1/geo", tree("{'lat': 1.5}"),
            "/a/new/0/name", tree("'n'"),
            "/b~1c", tree("true")));
    assertThat(document)
        .isEqualTo(
            tree(
                "{'a': {'list': [{'x': 1}, {'x': 2, 'geo': {'lat': 1.5}}], 'new': [{'name': 'n'}]},"
                    + " 'b/c': true}"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void paths(JsonNode node, String path, Set<String> into) {
    if (node.isArray()) {
      node.forEach(element -> paths(element, path, into));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String child = path + "/" + field.getKey();
        into.add(child);
        paths(field.getValue(), child, into);
      }
    }
  }
}
