package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.hasSize;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** The assay of a result (issue #18): ingested in every format, checked, listed and exported. */
@QuarkusTest
class AssayMetadataTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonPathConfig DOUBLES =
      JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void everyFormatCarriesTheAssayAndTheLimitsAreStandardised() throws Exception {
    String json =
        JSON.writeValueAsString(
            List.of(
                with(
                    row("MG-0001", "W0", "A-1", "CORTISOL_AM"),
                    "value",
                    10,
                    "unit",
                    "µg/dL",
                    "assayMethod",
                    "ECLIA",
                    "assayKit",
                    "Elecsys Cortisol II",
                    "assayLot",
                    "LOT-7",
                    "assayRun",
                    "PLATE-1",
                    "lloq",
                    1,
                    "uloq",
                    "50")));
    post(trial, "application/json", json, null).then().statusCode(201);
    String ndjson =
        JSON.writeValueAsString(
                with(
                    row("MG-0002", "W0", "A-2", "BUTYRATE"),
                    "value",
                    1,
                    "unit",
                    "mg/g",
                    "assayMethod",
                    "GC-FID",
                    "assayRun",
                    "RUN-9",
                    "lloq",
                    0.1,
                    "basis",
                    "WET"))
            + "\n";
    post(trial, "application/x-ndjson", ndjson, null).then().statusCode(201);
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit,assayMethod,assayKit,assayLot,"
            + "assayRun,lloq,uloq,basis\n"
            + "MG-0003,W0,A-3,2026-03-01T08:15:00Z,BUTYRATE,2,mg/g,GC-FID,\"SCFA kit, v2\",L1,"
            + "RUN-10,0.2,50,DRY\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);

    JsonPath listed =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(listed.getList("items.sampleId")).containsExactly("A-1", "A-2", "A-3");
    // 1 ug/dL = 10 ug/L = 10 000 ng/L; / 362.46 g/mol = 27.5893 nmol/L;
    // 50 ug/dL = 500 000 ng/L; / 362.46 = 1379.4626 nmol/L
    assertThat(listed.getString("items[0].assayMethod")).isEqualTo("ECLIA");
    assertThat(listed.getString("items[0].assayKit")).isEqualTo("Elecsys Cortisol II");
    assertThat(listed.getString("items[0].assayLot")).isEqualTo("LOT-7");
    assertThat(listed.getString("items[0].assayRun")).isEqualTo("PLATE-1");
    assertThat(listed.getDouble("items[0].lloq")).isCloseTo(27.5893, within(1e-4));
    assertThat(listed.getDouble("items[0].uloq")).isCloseTo(1379.4626, within(1e-4));
    assertThat(listed.getMap("items[0]")).doesNotContainKey("basis");
    // 0.1 mg/g = 100 ug/g; / 88.11 g/mol = 1.13494 umol/g; no kit, lot or uloq: absent
    assertThat(listed.getString("items[1].assayMethod")).isEqualTo("GC-FID");
    assertThat(listed.getString("items[1].assayRun")).isEqualTo("RUN-9");
    assertThat(listed.getDouble("items[1].lloq")).isCloseTo(1.13494, within(1e-5));
    assertThat(listed.getString("items[1].basis")).isEqualTo("WET");
    assertThat(listed.getMap("items[1]")).doesNotContainKeys("assayKit", "assayLot", "uloq");
    // 0.2 mg/g = 200 ug/g; / 88.11 = 2.26989 umol/g; 50 mg/g / 88.11 = 567.4725 umol/g
    assertThat(listed.getString("items[2].assayKit")).isEqualTo("SCFA kit, v2");
    assertThat(listed.getString("items[2].assayLot")).isEqualTo("L1");
    assertThat(listed.getString("items[2].assayRun")).isEqualTo("RUN-10");
    assertThat(listed.getDouble("items[2].lloq")).isCloseTo(2.26989, within(1e-5));
    assertThat(listed.getDouble("items[2].uloq")).isCloseTo(567.4725, within(1e-4));
    assertThat(listed.getString("items[2].basis")).isEqualTo("DRY");

    String exported =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/export?format=csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Map<String, String>> rows = ResultExportTest.csv(exported);
    assertThat(rows).hasSize(3);
    assertThat(rows.get(0))
        .containsEntry("assayMethod", "ECLIA")
        .containsEntry("assayKit", "Elecsys Cortisol II")
        .containsEntry("assayLot", "LOT-7")
        .containsEntry("assayRun", "PLATE-1")
        .containsEntry("basis", "");
    assertThat(Double.parseDouble(rows.get(0).get("lloq"))).isCloseTo(27.5893, within(1e-4));
    assertThat(rows.get(1)).containsEntry("basis", "WET").containsEntry("uloq", "");
    assertThat(rows.get(2)).containsEntry("assayKit", "SCFA kit, v2").containsEntry("basis", "DRY");

    String lines =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/export?format=ndjson")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    List<Map<String, String>> objects = ResultExportTest.ndjson(lines);
    assertThat(objects.get(0)).containsEntry("assayRun", "PLATE-1");
    assertThat(objects.get(1)).containsEntry("basis", "WET").containsEntry("assayKit", "");
    assertThat(objects.get(2)).containsEntry("basis", "DRY").containsEntry("assayLot", "L1");

    // SDTM LB: LBREFID the sample id, LBMETHOD the method, LBLLOQ/LBULOQ in LBSTRESU (the
    // standardised limits worked out above); kit, lot and run have no LB variable
    List<Map<String, String>> lb = new ArrayList<>();
    CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(export("sdtm-lb-csv")))
        .forEach(r -> lb.add(r.toMap()));
    assertThat(lb).extracting(r -> r.get("LBREFID")).containsExactly("A-1", "A-2", "A-3");
    assertThat(lb).extracting(r -> r.get("LBMETHOD")).containsExactly("ECLIA", "GC-FID", "GC-FID");
    assertThat(lb.get(0)).containsEntry("LBSTRESU", "nmol/L");
    assertThat(Double.parseDouble(lb.get(0).get("LBLLOQ"))).isCloseTo(27.5893, within(1e-4));
    assertThat(Double.parseDouble(lb.get(0).get("LBULOQ"))).isCloseTo(1379.4626, within(1e-4));
    assertThat(Double.parseDouble(lb.get(1).get("LBLLOQ"))).isCloseTo(1.13494, within(1e-5));
    assertThat(lb.get(1)).containsEntry("LBULOQ", "");
    assertThat(lb.get(0).keySet()).doesNotContain("LBKIT", "LBLOT");

    // FHIR: method as text, kit and lot as a contained Device the Observation refers to, run,
    // limits and basis as notes; every Observation valid for HAPI's R4 validator
    List<String> observations = export("fhir-r4").lines().toList();
    assertThat(observations).hasSize(3);
    JsonPath a1 =
        new JsonPath(observations.stream().filter(l -> l.contains("ECLIA")).findFirst().get());
    assertThat(a1.getString("method.text")).isEqualTo("ECLIA");
    assertThat(a1.getString("device.reference")).isEqualTo("#assay");
    assertThat(a1.getString("contained[0].resourceType")).isEqualTo("Device");
    assertThat(a1.getString("contained[0].deviceName[0].name")).isEqualTo("Elecsys Cortisol II");
    assertThat(a1.getString("contained[0].deviceName[0].type")).isEqualTo("model-name");
    assertThat(a1.getString("contained[0].lotNumber")).isEqualTo("LOT-7");
    assertThat(a1.getList("note.text", String.class))
        .contains("Assay run: PLATE-1")
        .anySatisfy(n -> assertThat(n).startsWith("Limits of quantification in this run: lower "));
    String wet = observations.stream().filter(l -> l.contains("RUN-9")).findFirst().get();
    assertThat(wet).contains("Per wet mass of stool").doesNotContain("\"device\"");
    for (String observation : observations) {
      assertThat(FhirValidation.errors(FhirValidation.validate(observation))).isEmpty();
    }
  }

  private String export(String format) {
    return as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/export?format=" + format)
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  @Test
  void badAssayFieldsAreRowErrors() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(with(row("MG-0001", "W0", "E-1", "IL6"), "basis", "WET")); // 1: serum has no basis
    rows.add(with(row("MG-0001", "W0", "E-2", "IL6"), "lloq", 5, "uloq", 5)); // 2: lloq = uloq
    rows.add(with(row("MG-0001", "W0", "E-3", "IL6"), "lloq", 3)); // 3: 2.5 below lloq 3
    // 4: the same value reported as the limit it is: accepted
    rows.add(with(row("MG-0001", "W0", "E-4", "IL6"), "lloq", 3, "comparator", "<"));
    rows.add(with(row("MG-0001", "W0", "E-5", "IL6"), "assayKit", "k".repeat(201))); // 5
    rows.add(with(row("MG-0001", "W0", "E-6", "IL6"), "assayMethod", "m".repeat(101))); // 6
    rows.add(
        with(
            row("MG-0001", "W0", "E-7", "BUTYRATE"),
            "value",
            1,
            "unit",
            "mg/g",
            "basis",
            "MOIST")); // 7
    rows.add(with(row("MG-0001", "W0", "E-8", "IL6"), "uloq", 2)); // 8: 2.5 above uloq 2
    rows.add(with(row("MG-0001", "W0", "E-9", "IL6"), "lloq", "abc")); // 9
    // 10: a kit name of exactly 200 characters is fine
    rows.add(with(row("MG-0001", "W0", "E-10", "IL6"), "assayKit", "k".repeat(200)));

    JsonPath problem =
        post(trial, "application/json", JSON.writeValueAsString(rows), null)
            .then()
            .statusCode(422)
            .contentType("application/problem+json")
            .body("violations", hasSize(8))
            .extract()
            .jsonPath();
    assertThat(violation(problem, 1)).containsEntry("field", "basis");
    assertThat((String) violation(problem, 1).get("message")).contains("STOOL", "SERUM");
    assertThat(violation(problem, 2)).containsEntry("field", "uloq");
    assertThat(violation(problem, 3)).containsEntry("field", "value");
    assertThat((String) violation(problem, 3).get("message")).contains("below", "lloq 3");
    assertThat(violation(problem, 5)).containsEntry("field", "assayKit");
    assertThat(violation(problem, 6)).containsEntry("field", "assayMethod");
    assertThat(violation(problem, 7)).containsEntry("field", "basis");
    assertThat(violation(problem, 8)).containsEntry("field", "value");
    assertThat((String) violation(problem, 8).get("message")).contains("above", "uloq 2");
    assertThat(violation(problem, 9)).containsEntry("field", "lloq");

    // an unknown column is still refused in CSV; the assay columns are known
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit,assayRun,basis\n"
            + "MG-0001,W0,C-1,2026-03-01T08:15:00Z,IL6,1,pg/mL,P1,DRY\n";
    JsonPath csvProblem =
        post(trial, "text/csv", csv, null).then().statusCode(422).extract().jsonPath();
    assertThat(violation(csvProblem, 1)).containsEntry("field", "basis");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> violation(JsonPath problem, int row) {
    List<Map<String, Object>> violations = problem.getList("violations");
    return violations.stream()
        .filter(v -> Integer.valueOf(row).equals(v.get("row")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no violation for row " + row + ": " + violations));
  }
}
