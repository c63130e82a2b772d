package org.psybiome.trial.service.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.export.ExportFixtures.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The WHO Trial Registration Data Set (1.3.1) written from hand-built trials. */
class TrdsWriterTest {

  private static final TrdsWriter WRITER = new TrdsWriter(JSON);

  /** The 24 items' labels as WHO's TRDS 1.3.1 page lists them. */
  private static final List<String> WHO_LABELS =
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

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode item(ObjectNode dataSet, int n) {
    JsonNode item = dataSet.get("items").get(n - 1);
    assertThat(item.get("item").asInt()).isEqualTo(n);
    return item.get("value");
  }

  @Test
  void theTwentyFourItemsComeInOrderWithTheStandardsLabels() {
    ObjectNode dataSet = WRITER.dataSet(ExportFixtures.trial("probiotic-recruiting"));
    assertThat(dataSet.get("version").asText()).isEqualTo("1.3.1");
    List<String> labels = new ArrayList<>();
    List<Integer> numbers = new ArrayList<>();
    dataSet.get("items").forEach(i -> labels.add(i.get("label").asText()));
    dataSet.get("items").forEach(i -> numbers.add(i.get("item").asInt()));
    assertThat(labels).isEqualTo(WHO_LABELS);
    assertThat(numbers).hasSize(24).isSorted().startsWith(1).endsWith(24);
  }

  @Test
  void valuesAreStructured() {
    ObjectNode d = WRITER.dataSet(ExportFixtures.trial("probiotic-recruiting"));
    assertThat(item(d, 1)).isEqualTo(tree("{'registry': 'Psybiome', 'id': 'PSB-2026-000042'}"));
    assertThat(item(d, 2).asText()).isEqualTo("2026-02-10");
    assertThat(item(d, 3).get(0))
        .isEqualTo(tree("{'issuingAuthority': 'NCT', 'registry': 'NCT', 'id': 'NCT06123456'}"));
    assertThat(item(d, 3).get(4))
        .isEqualTo(
            tree(
                "{'issuingAuthority': 'NIH', 'registry': 'OTHER', 'id': 'R01MH123456',"
                    + " 'kind': 'GRANT'}"));
    assertThat(item(d, 6))
        .isEqualTo(tree("['APC Microbiome Ireland', 'Lallemand Health Solutions']"));
    assertThat(item(d, 10).get("acronym").asText()).isEqualTo("PROBIO-DEP");
    // the countries of recruitment and then those of the sites not already named
    assertThat(item(d, 11))
        .isEqualTo(
            tree(
                "[{'code': 'US', 'name': 'United States'}, {'code': 'KR', 'name': 'Korea, Republic"
                    + " of'}, {'code': 'IR', 'name': 'Iran, Islamic Republic of'}]"));
    assertThat(item(d, 12).get(2)).isEqualTo(tree("{'name': 'gut microbiome'}"));
    assertThat(item(d, 12).get(0))
        .isEqualTo(tree("{'name': 'Depressive Disorder', 'system': 'MESH', 'code': 'D003866'}"));
    assertThat(item(d, 13).get(0))
        .isEqualTo(
            tree(
                "{'name': 'L. helveticus R0052 + B. longum R0175', 'type': 'PROBIOTIC',"
                    + " 'description': 'One sachet a day for 8 weeks', 'otherNames': ['Probio-Stick']}"));
    assertThat(item(d, 14).get("exclusionCriteria"))
        .isEqualTo(tree("['Antibiotics in the past 3 months']"));
    assertThat(item(d, 14).get("minimumAge").asText()).isEqualTo("18 Years");
    JsonNode design = item(d, 15);
    assertThat(design.get("type").asText()).isEqualTo("INTERVENTIONAL");
    assertThat(design.get("allocation").asText()).isEqualTo("RANDOMIZED");
    assertThat(design.get("masking").get("level").asText()).isEqualTo("QUADRUPLE");
    assertThat(design.get("purpose").asText()).isEqualTo("TREATMENT");
    assertThat(design.get("phase").asText()).isEqualTo("PHASE_2_3");
    assertThat(item(d, 16)).isEqualTo(tree("{'date': '2026-03', 'type': 'ANTICIPATED'}"));
    assertThat(item(d, 17)).isEqualTo(tree("{'target': 240, 'actual': 17}"));
    assertThat(item(d, 18)).isEqualTo(tree("{'status': 'RECRUITING'}"));
    assertThat(item(d, 19))
        .isEqualTo(
            tree(
                "[{'name': 'HAMD17', 'measure': {'kind': 'SCALE', 'code': 'HAMD17'},"
                    + " 'timeFrame': 'Baseline to week 8'}]"));
    assertThat(item(d, 20).get(0).get("name").asText()).isEqualTo("hs-CRP");
    assertThat(item(d, 21))
        .isEqualTo(
            tree(
                "[{'status': 'APPROVED', 'approvalDate': '2025-11-20', 'committee': {'name':"
                    + " 'Ethikkommission der Charité', 'email': 'ethik@example.org'},"
                    + " 'reference': 'EA1/123/25'}]"));
    assertThat(item(d, 22))
        .isEqualTo(
            tree(
                "{'primaryCompletion': {'date': '2027-12', 'type': 'ANTICIPATED'},"
                    + " 'studyCompletion': {'date': '2028-06-30', 'type': 'ANTICIPATED'}}"));
    assertThat(item(d, 24).get("plan").asText()).isEqualTo("YES");
  }

  @Test
  void anItemTheRecordLacksIsNull() {
    ObjectNode d = WRITER.dataSet(ExportFixtures.trial("probiotic-recruiting"));
    assertThat(item(d, 23).isNull()).isTrue();
    ObjectNode sparse = WRITER.dataSet(ExportFixtures.trial("terminated-with-results"));
    for (int n : new int[] {3, 4, 6, 7, 8, 10, 11, 12, 13, 14, 19, 20, 21, 24}) {
      assertThat(item(sparse, n).isNull()).as("item %d", n).isTrue();
    }
  }

  @Test
  void summaryResultsHaveTheSubItemsOfTheStandard() {
    ObjectNode d = WRITER.dataSet(ExportFixtures.trial("terminated-with-results"));
    JsonNode results = item(d, 23);
    assertThat(results.get("datePosted").asText()).isEqualTo("2025-09-01");
    assertThat(results.get("briefSummary").asText())
        .isEqualTo("Stopped early; no difference could be shown.");
    assertThat(results.at("/participantFlow/groups/1/title").asText()).isEqualTo("Milk");
    assertThat(results.at("/adverseEvents/otherEvents/0/term").asText()).isEqualTo("Bloating");
    assertThat(results.at("/outcomeMeasures/0/title").asText()).isEqualTo("GAD-7 change");
    assertThat(results.has("baselineCharacteristics")).isFalse();
    // actual enrolment as the trial reports it; status with its last known one when UNKNOWN
    assertThat(item(d, 17)).isEqualTo(tree("{'actual': 12}"));
    ObjectNode unknown = WRITER.dataSet(ExportFixtures.trial("imported-NCT03475563"));
    assertThat(item(unknown, 18))
        .isEqualTo(tree("{'status': 'UNKNOWN', 'lastKnownStatus': 'RECRUITING'}"));
    assertThat(item(unknown, 17)).isEqualTo(tree("{'target': 100}"));
  }
}
