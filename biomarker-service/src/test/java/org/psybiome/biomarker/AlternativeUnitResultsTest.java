package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Results of V12's analytes and scales, posted in the units labs and trials report them and stored
 * in the catalogue's standard units; every expected value is worked out by hand in the test. The
 * trial pre-registers at W0 the panels METABOLIC, GUT_BARRIER, TRYPTOPHAN_METABOLITES and DASS21,
 * and the scales PSS10 and QIDS_SR16.
 */
@QuarkusTest
class AlternativeUnitResultsTest {

  private static final String HEADER =
      "participant,visit,sampleId,collectedAt,analyte,value,unit\n";
  private static final String AT = ",2026-03-02T07:30:00Z,";

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void trialMeasuringCovariates() {
    trial =
        ResultsApi.registeredTrial(
            snapshots,
            List.of(
                TrialEventsProducer.visit(
                    "W0",
                    0,
                    true,
                    List.of("METABOLIC", "GUT_BARRIER", "TRYPTOPHAN_METABOLITES", "DASS21"),
                    List.of("PSS10", "QIDS_SR16")),
                TrialEventsProducer.visit(
                    "W8", 56, false, List.of("METABOLIC"), List.of("PSS10", "QIDS_SR16"))));
  }

  @Test
  void alternativeUnitsAreStoredInTheStandardUnit() {
    String csv =
        HEADER
            + row("M-1", "GLUCOSE_FASTING", "90", "mg/dL")
            + row("M-1", "CHOL_TOTAL", "200", "mg/dL")
            + row("M-1", "CHOL_HDL", "50", "mg/dL")
            + row("M-1", "CHOL_LDL", "130", "mg/dL")
            + row("M-1", "TRIGLYCERIDES", "150", "mg/dL")
            + row("M-1", "INSULIN", "8.5", "m[IU]/L")
            + row("M-1", "HBA1C", "48", "mmol/mol")
            + row("M-1", "SEROTONIN", "900", "nmol/L")
            + row("M-1", "KYNA", "0.045", "µmol/L")
            + row("M-1", "QUIN", "62", "ng/mL")
            + row("M-1", "LBP", "12000", "ng/mL")
            + row("M-1", "ZONULIN", "45", "ng/mL")
            + row("M-1", "DASS21_DEPRESSION", "9", "{score}")
            + row("M-1", "DASS21_ANXIETY", "6", "{score}")
            + row("M-1", "DASS21_STRESS", "11", "{score}")
            + row("M-1", "PSS10", "18", "{score}")
            + row("M-1", "QIDS_SR16", "14", "{score}");
    post(trial, "text/csv", csv, null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(17))
        .body("unregistered", equalTo(0));

    Map<String, Map<String, Object>> stored = storedByAnalyte();
    // glucose: 90 mg/dL = 900 mg/L; / 180.16 g/mol = 4.99556 mmol/L
    assertStandard(stored, "GLUCOSE_FASTING", "4.99556", "mmol/L");
    // cholesterol: / 386.65 g/mol; 200 mg/dL = 2000 mg/L -> 5.17264 mmol/L
    assertStandard(stored, "CHOL_TOTAL", "5.17264", "mmol/L");
    // 50 mg/dL = 500 mg/L -> 1.29316 mmol/L
    assertStandard(stored, "CHOL_HDL", "1.29316", "mmol/L");
    // 130 mg/dL = 1300 mg/L -> 3.36221 mmol/L
    assertStandard(stored, "CHOL_LDL", "3.36221", "mmol/L");
    // triglycerides: 150 mg/dL = 1500 mg/L; / 885.7 g/mol = 1.69358 mmol/L
    assertStandard(stored, "TRIGLYCERIDES", "1.69358", "mmol/L");
    // 1 mU/L = 1 uIU/mL
    assertStandard(stored, "INSULIN", "8.5", "u[IU]/mL");
    assertStandard(stored, "HBA1C", "48", "mmol/mol");
    // serotonin: 900 nmol/L x 176.22 g/mol = 158 598 ng/L = 158.598 ng/mL
    assertStandard(stored, "SEROTONIN", "158.598", "ng/mL");
    // 0.045 umol/L = 45 nmol/L
    assertStandard(stored, "KYNA", "45", "nmol/L");
    // quinolinic acid: 62 ng/mL = 62 000 ng/L; / 167.12 g/mol = 370.99090 nmol/L
    assertStandard(stored, "QUIN", "370.99090", "nmol/L");
    // 12 000 ng/mL = 12 ug/mL
    assertStandard(stored, "LBP", "12", "ug/mL");
    assertStandard(stored, "ZONULIN", "45", "ng/mL");
    assertStandard(stored, "DASS21_STRESS", "11", "{score}");
    assertStandard(stored, "PSS10", "18", "{score}");
    assertThat(stored.get("GLUCOSE_FASTING")).containsEntry("specimen", "PLASMA");
    assertThat(stored.get("HBA1C")).containsEntry("specimen", "WHOLE_BLOOD");
    assertThat(stored.get("INSULIN")).containsEntry("unit", "m[IU]/L");
    assertThat(stored.values()).allSatisfy(r -> assertThat(r).containsEntry("registered", true));
  }

  @Test
  void conventionUnitsAndUnitMixUpsAreRefusedRowByRow() {
    String csv =
        HEADER
            // 1: insulin in pmol/L: only a convention factor (6.0) would relate it to uIU/mL
            + row("X-1", "INSULIN", "60", "pmol/L")
            // 2: HbA1c in NGSP %: 6.5 % is 47.5 mmol/mol, not the 65 UCUM's factor 10 gives
            + row("X-1", "HBA1C", "6.5", "%")
            // 3: a mg/dL glucose sent as mmol/L: 90 > 50
            + row("X-1", "GLUCOSE_FASTING", "90", "mmol/L")
            // 4: a total cholesterol in mg/dL sent as mmol/L: 200 > 30
            + row("X-1", "CHOL_TOTAL", "200", "mmol/L")
            // 5: a DASS-21 score doubled for DASS-42 norms: 30 > 21
            + row("X-1", "DASS21_DEPRESSION", "30", "{score}")
            // 6: PANAS affect scores start at 10 (10 items x 1)
            + row("X-1", "PANAS_PA", "5", "{score}")
            // 7: an HbA1c percentage sent as mmol/mol: 6.1 < 9
            + row("X-2", "HBA1C", "6.1", "mmol/mol");
    JsonPath problem =
        post(trial, "text/csv", csv, null)
            .then()
            .statusCode(422)
            .body("violations", hasSize(7))
            .extract()
            .jsonPath();
    assertThat(problem.getList("violations.row", Integer.class))
        .containsExactly(1, 2, 3, 4, 5, 6, 7);
    assertThat(problem.getList("violations.field", String.class))
        .containsExactly("unit", "unit", "value", "value", "value", "value", "value");
    assertThat(problem.getString("violations[0].message")).contains("INSULIN", "pmol/L");
    assertThat(problem.getString("violations[1].message")).contains("HBA1C", "%");
    assertThat(storedByAnalyte()).isEmpty();
  }

  /**
   * A row of MG-0001 at W0. The analytes come from serum, plasma, whole blood and questionnaires,
   * and a sample id names one specimen, so each row's sample is named after its analyte.
   */
  private static String row(String sample, String analyte, String value, String unit) {
    return "MG-0001,W0," + sample + "-" + analyte + AT + analyte + "," + value + "," + unit + "\n";
  }

  private Map<String, Map<String, Object>> storedByAnalyte() {
    List<Map<String, Object>> items =
        as("reader", ResultsApi.CONSORTIUM)
            .queryParam("pageSize", 100)
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            // BigDecimal, not float: 370.9909 as a float is off in the fifth decimal
            .using(JsonPathConfig.jsonPathConfig().numberReturnType(NumberReturnType.BIG_DECIMAL))
            .getList("items");
    Map<String, Map<String, Object>> byAnalyte = new HashMap<>();
    items.forEach(item -> byAnalyte.put((String) item.get("analyte"), item));
    return byAnalyte;
  }

  private static void assertStandard(
      Map<String, Map<String, Object>> stored, String analyte, String expected, String unit) {
    Map<String, Object> result = stored.get(analyte);
    assertThat(result).as(analyte).isNotNull().containsEntry("standardUnit", unit);
    assertThat(new BigDecimal(result.get("standardValue").toString()))
        .as(analyte)
        .isCloseTo(new BigDecimal(expected), Offset.offset(new BigDecimal("0.00001")));
  }
}
