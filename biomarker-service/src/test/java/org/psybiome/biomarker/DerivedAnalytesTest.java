package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/** KYN/TRP ratio and Shannon diversity are computed at ingestion, never accepted from a client. */
@QuarkusTest
class DerivedAnalytesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  // RestAssured reads JSON numbers as floats by default: too coarse for checking 1e-9
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void registeredTrial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void theKynurenineTryptophanRatioIsDerivedPerSample() throws Exception {
    List<Map<String, Object>> rows =
        List.of(
            // TRP in mg/L: 12 mg/L / 204.23 g/mol = 58.7573 umol/L
            metabolite("MG-0001", "T-1", "KYN", 2.1, "umol/L"),
            metabolite("MG-0001", "T-1", "TRP", 12, "mg/L"),
            // a censored KYN is a bound: no ratio
            with(metabolite("MG-0002", "T-2", "KYN", 0.5, "umol/L"), "comparator", "<"),
            metabolite("MG-0002", "T-2", "TRP", 60, "umol/L"),
            // only KYN so far: the ratio waits for TRP
            metabolite("MG-0003", "T-3", "KYN", 3.0, "umol/L"));

    post(trial, "application/json", JSON.writeValueAsString(rows), null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(6))
        .body("analytes", hasItem("KYN_TRP_RATIO"));

    Map<String, Double> ratios = ratios();
    assertThat(ratios).containsOnlyKeys("T-1");
    // KYN / TRP × 1000 in umol/mmol, computed here by hand: 2.1 / (12 / 204.23 × 1000) × 1000
    assertThat(ratios.get("T-1")).isCloseTo(2.1 / (12 / 204.23 * 1000) * 1000, within(1e-9));

    // TRP of T-3 arrives in a later batch: the ratio pairs it with the stored KYN
    post(
            trial,
            "application/json",
            JSON.writeValueAsString(List.of(metabolite("MG-0003", "T-3", "TRP", 75, "umol/L"))),
            null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(2));
    assertThat(ratios().get("T-3")).isCloseTo(3.0 / 75 * 1000, within(1e-9));

    // SDTM LB flags the derived records (LBDRVFL = Y) and no measured one
    Map<String, List<String>> derivedFlags = derivedFlagsByTestCode();
    assertThat(derivedFlags.get("KYNTRPR")).containsExactly("Y", "Y");
    assertThat(derivedFlags.get("KYN")).containsOnly("");
    assertThat(derivedFlags.get("TRP")).containsOnly("");
  }

  /** The sdtm-lb-csv export's LBDRVFL values by LBTESTCD, in record order. */
  private Map<String, List<String>> derivedFlagsByTestCode() throws Exception {
    String csv =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results/export?format=sdtm-lb-csv")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    Map<String, List<String>> flags = new TreeMap<>();
    try (CSVParser parser =
        CSVFormat.RFC4180.builder().setHeader().get().parse(new StringReader(csv))) {
      for (CSVRecord r : parser) {
        flags.computeIfAbsent(r.get("LBTESTCD"), k -> new ArrayList<>()).add(r.get("LBDRVFL"));
      }
    }
    return flags;
  }

  @Test
  void catalogueGeneraWithoutTheUnclassifiedRowYieldNoShannonIndex() throws Exception {
    // posted as before the full profiles: catalogue genera summing to 100 %, no
    // TAXON_UNCLASSIFIED row. The genera are stored as ever; no SHANNON_GENUS (which used to be
    // −Σ p ln p over them = 0.898 here, at most ln 8 whatever the sample), and the batch says why
    List<Map<String, Object>> rows =
        List.of(
            taxon("MG-0001", "M-1", "TAXON_1578", 10),
            taxon("MG-0001", "M-1", "TAXON_1678", 30),
            taxon("MG-0001", "M-1", "TAXON_816", 60),
            taxon("MG-0001", "M-1", "TAXON_838", 0));

    post(trial, "application/json", JSON.writeValueAsString(rows), null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(4))
        .body("analytes", not(hasItem("SHANNON_GENUS")))
        .body("notDerived.size()", equalTo(1))
        .body("notDerived[0].sampleId", equalTo("M-1"))
        .body("notDerived[0].analyte", equalTo("SHANNON_GENUS"))
        .body("notDerived[0].reason", startsWith("no TAXON_UNCLASSIFIED row"));
    assertThat(
            as("reader", ResultsApi.CONSORTIUM)
                .queryParam("analyte", "SHANNON_GENUS")
                .get("/api/v1/trials/" + trial + "/results")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items"))
        .isEmpty();

    // the unclassified remainder in a later batch completes the profile: 10 + 30 + 60 + 0 + 0
    post(
            trial,
            "application/json",
            JSON.writeValueAsString(List.of(taxon("MG-0001", "M-1", "TAXON_UNCLASSIFIED", 0))),
            null)
        .then()
        .statusCode(201)
        .body("rows", equalTo(2))
        .body("notDerived", empty());
    var shannon =
        as("reader", ResultsApi.CONSORTIUM)
            .queryParam("analyte", "SHANNON_GENUS")
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    assertThat(shannon.getList("items")).hasSize(1);
    assertThat(shannon.getString("items[0].sampleId")).isEqualTo("M-1");
    assertThat(shannon.getString("items[0].standardUnit")).isEqualTo("1");
    assertThat(shannon.getString("items[0].specimen")).isEqualTo("STOOL");
    // not pre-registered at W0 of this trial (no MICROBIOME panel): flagged like any other row
    assertThat(shannon.getBoolean("items[0].registered")).isFalse();
    // −(0.1 ln 0.1 + 0.3 ln 0.3 + 0.6 ln 0.6) = 0.230259 + 0.361192 + 0.306495 = 0.897946
    double expected = -(0.1 * Math.log(0.1) + 0.3 * Math.log(0.3) + 0.6 * Math.log(0.6));
    assertThat(shannon.getDouble("items[0].standardValue"))
        .isCloseTo(expected, within(1e-9))
        .isCloseTo(0.897946, within(1e-6));
  }

  @Test
  void aClientCannotPostADerivedAnalyte() throws Exception {
    List<Map<String, Object>> rows =
        List.of(
            metabolite("MG-0001", "X-1", "KYN", 2, "umol/L"),
            with(metabolite("MG-0001", "X-1", "KYN_TRP_RATIO", 30, "umol/mmol")),
            with(taxon("MG-0001", "X-2", "SHANNON_GENUS", 2.1), "unit", "1"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null)
        .then()
        .statusCode(422)
        .body("violations.size()", equalTo(2))
        .body("violations[0].row", equalTo(2))
        .body("violations[0].field", equalTo("analyte"))
        .body("violations[1].row", equalTo(3));
    assertThat(ratios()).isEmpty();
  }

  private Map<String, Double> ratios() {
    var page =
        as("reader", ResultsApi.CONSORTIUM)
            .queryParam("analyte", "KYN_TRP_RATIO")
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    List<String> samples = page.getList("items.sampleId");
    List<Object> values = page.getList("items.standardValue");
    Map<String, Double> bySample = new java.util.HashMap<>();
    for (int i = 0; i < samples.size(); i++) {
      bySample.put(samples.get(i), page.getDouble("items[" + i + "].standardValue"));
      assertThat(page.getString("items[" + i + "].standardUnit")).isEqualTo("umol/mmol");
    }
    assertThat(values).hasSameSizeAs(samples);
    return bySample;
  }

  static Map<String, Object> metabolite(
      String participant, String sample, String analyte, Object value, String unit) {
    return with(row(participant, "W0", sample, analyte), "value", value, "unit", unit);
  }

  static Map<String, Object> taxon(
      String participant, String sample, String analyte, Object value) {
    return with(row(participant, "W0", sample, analyte), "value", value, "unit", "%");
  }
}
