package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.psybiome.biomarker.DerivedAnalytesTest.taxon;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * A sample's full genus profile — {@code TAXON_<NCBI id>} rows of any genus plus {@code
 * TAXON_UNCLASSIFIED} — and the Shannon index derived from it, against {@code
 * reference/shannon.json} (written by {@code reference/shannon.py} with SciPy's {@code
 * stats.entropy}).
 */
@QuarkusTest
class GenusProfileTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;
  private JsonNode reference;

  @BeforeEach
  void registeredTrial() throws IOException {
    trial = ResultsApi.registeredTrial(snapshots);
    try (InputStream in = getClass().getResourceAsStream("/reference/shannon.json")) {
      reference = JSON.readTree(in);
    }
  }

  @Test
  void aFullProfileInCsvYieldsTheShannonIndexSciPyGives() {
    StringBuilder csv =
        new StringBuilder("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    for (JsonNode genus : reference.path("genera")) {
      csv.append(line("G-1", "TAXON_" + genus.path("ncbiTaxonId").asInt(), genus.path("percent")));
    }
    csv.append(line("G-1", "TAXON_UNCLASSIFIED", reference.path("unclassified")));
    int genera = reference.path("genera").size();

    post(trial, "text/csv", csv.toString(), null)
        .then()
        .statusCode(201)
        // the genera, the unclassified row and the derived index
        .body("rows", equalTo(genera + 2))
        .body("analytes", hasItem("SHANNON_GENUS"))
        .body("notDerived", empty());

    double expected = reference.path("shannon").asDouble();
    JsonPath shannon = results("SHANNON_GENUS");
    assertThat(shannon.getList("items")).hasSize(1);
    assertThat(shannon.getDouble("items[0].standardValue"))
        .isCloseTo(expected, within(1e-9 * expected))
        .isGreaterThan(Math.log(8));
    // a genus the seed did not list is in the catalogue now, as a stool abundance in %
    given()
        .get("/api/v1/analytes/TAXON_572511")
        .then()
        .statusCode(200)
        .body("ncbiTaxonId", equalTo(572511))
        .body("unit", equalTo("%"))
        .body("specimen", equalTo("STOOL"))
        .body("derived", equalTo(false))
        .body("sdtmTestCode", equalTo("TX572511"));
  }

  @Test
  void aProfileThatDoesNotSumToOneHundredPercentDerivesNothingAndSaysWhy() throws Exception {
    // reference/shannon.json "incomplete": five big genera left out, 62.6014 % in all
    List<Integer> kept = new ArrayList<>();
    reference.path("incomplete").path("genera").forEach(t -> kept.add(t.asInt()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode genus : reference.path("genera")) {
      if (kept.contains(genus.path("ncbiTaxonId").asInt())) {
        rows.add(
            taxon(
                "MG-0002",
                "G-2",
                "TAXON_" + genus.path("ncbiTaxonId").asInt(),
                genus.path("percent").decimalValue()));
      }
    }
    rows.add(
        taxon("MG-0002", "G-2", "TAXON_UNCLASSIFIED", reference.path("unclassified").asText()));

    String batch =
        post(trial, "application/json", JSON.writeValueAsString(rows), null)
            .then()
            .statusCode(201)
            .body("rows", equalTo(rows.size()))
            .body("analytes", not(hasItem("SHANNON_GENUS")))
            .body("notDerived.size()", equalTo(1))
            .body("notDerived[0].sampleId", equalTo("G-2"))
            .body("notDerived[0].analyte", equalTo("SHANNON_GENUS"))
            .body(
                "notDerived[0].reason",
                equalTo("the profile's abundances sum to 62.6014 %, not 100 % ± 2.0"))
            .extract()
            .path("id");
    assertThat(results("SHANNON_GENUS").getList("items")).isEmpty();
    // the batch keeps the note
    as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/batches/" + batch)
        .then()
        .statusCode(200)
        .body("notDerived[0].sampleId", equalTo("G-2"))
        .body(
            "notDerived[0].reason",
            equalTo("the profile's abundances sum to 62.6014 %, not 100 % ± 2.0"));
  }

  @Test
  void genusRowsAreCheckedLikeAnyRow() throws Exception {
    String ndjson =
        String.join(
            "\n",
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_2999999", 40)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_0816", 10)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_0", 10)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_-5", 10)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_99999999999", 10)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_2999998", 120)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_2999999", 5)),
            JSON.writeValueAsString(taxon("MG-0001", "G-3", "TAXON_UNCLASSIFIED", 15)));

    JsonPath problem =
        post(trial, "application/x-ndjson", ndjson, null)
            .then()
            .statusCode(422)
            .extract()
            .jsonPath();
    List<Map<String, Object>> violations = problem.getList("violations");
    assertThat(violations)
        .extracting(v -> v.get("row") + " " + v.get("field"))
        .containsExactly(
            "2 analyte", "3 analyte", "4 analyte", "5 analyte", "6 value", "7 sampleId");
    assertThat(problem.getString("violations[0].message")).startsWith("names no NCBI taxon");
    assertThat(problem.getString("violations[5].message")).contains("row 1");
    // nothing stored, and the refused batch added no genus to the catalogue
    assertThat(results(null).getList("items")).isEmpty();
    given().get("/api/v1/analytes/TAXON_2999999").then().statusCode(404);
  }

  private static String line(String sample, String analyte, JsonNode value) {
    return "MG-0001,W0,"
        + sample
        + ",2026-03-01T08:15:00Z,"
        + analyte
        + ","
        + value.asText()
        + ",%\n";
  }

  /** The trial's results of the analyte (all with null). */
  private JsonPath results(String analyte) {
    var request = as("reader", ResultsApi.CONSORTIUM);
    if (analyte != null) {
      request = request.queryParam("analyte", analyte);
    }
    return request
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }
}
