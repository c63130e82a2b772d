package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;
import org.psybiome.biomarker.service.export.ExportPermits;

/**
 * The export of a trial's results through the HTTP API: rows ingested through the results API come
 * back exactly, as CSV (parsed with commons-csv) and as NDJSON (parsed line by line), with the
 * results query's access rules.
 */
@QuarkusTest
class ResultExportTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Inject TrialSnapshots snapshots;
  @Inject ExportPermits permits;

  private String trial;
  private String batchId;
  private List<Map<String, String>> expected;

  /**
   * Six rows meant to trip an exporter: quoting (a comma, a quote and a line break in sample ids),
   * a unit conversion, a censored value, a QC warning, an analyte the W0 visit did not register and
   * a rating scale without specimen.
   */
  @BeforeEach
  void ingestedResults() throws IOException {
    trial = ResultsApi.registeredTrial(snapshots);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(with(row("MG-0001", "W0", "S,1", "IL6"), "value", new BigDecimal("2.50")));
    rows.add(with(row("MG-0002", "W0", "Q\"2", "CORTISOL_AM"), "value", 1, "unit", "ug/dL"));
    rows.add(
        with(
            row("MG-0001", "W8", "multi\nline", "IL6"),
            "value",
            new BigDecimal("0.5"),
            "comparator",
            "<",
            "qcStatus",
            "WARN",
            "collectedAt",
            "2026-05-01T07:00:00Z"));
    rows.add(with(row("MG-0002", "W0", "B-1", "BDNF"), "value", 20, "unit", "ng/mL"));
    rows.add(with(row("MG-0003", "W8", "H-1", "HAMD17"), "value", 14, "unit", "{score}"));
    rows.add(with(row("MG-0003", "W8", "I-3", "IL6"), "value", new BigDecimal("7.125")));
    batchId =
        post(trial, "application/json", JSON.writeValueAsString(rows), null)
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    expected = new ArrayList<>();
    expected.add(
        expect("MG-0001", "W0", "S,1", "SERUM", "IL6", "2.5", "pg/mL", "2.5", "pg/mL", "", true));
    // 1 µg/dL = 10 µg/L; / 362.46 g/mol = 27.589251227721679633... nmol/L (16 digits kept)
    expected.add(
        expect(
            "MG-0002",
            "W0",
            "Q\"2",
            "SERUM",
            "CORTISOL_AM",
            "1",
            "ug/dL",
            "27.58925122772168",
            "nmol/L",
            "",
            true));
    Map<String, String> censored =
        expect(
            "MG-0001",
            "W8",
            "multi\nline",
            "SERUM",
            "IL6",
            "0.5",
            "pg/mL",
            "0.5",
            "pg/mL",
            "<",
            true);
    censored.put("censored", "true");
    censored.put("qcStatus", "WARN");
    censored.put("collectedAt", "2026-05-01T07:00:00Z");
    expected.add(censored);
    // BDNF is in none of W0's panels (INFLAMMATION, HPA) nor its scales
    Map<String, String> unregistered =
        expect("MG-0002", "W0", "B-1", "SERUM", "BDNF", "20", "ng/mL", "20", "ng/mL", "", true);
    unregistered.put("registered", "false");
    expected.add(unregistered);
    expected.add(
        expect(
            "MG-0003",
            "W8",
            "H-1",
            "NOT_APPLICABLE",
            "HAMD17",
            "14",
            "{score}",
            "14",
            "{score}",
            "",
            true));
    expected.add(
        expect(
            "MG-0003", "W8", "I-3", "SERUM", "IL6", "7.125", "pg/mL", "7.125", "pg/mL", "", true));
  }

  private Map<String, String> expect(
      String participant,
      String visit,
      String sample,
      String specimen,
      String analyte,
      String value,
      String unit,
      String standardValue,
      String standardUnit,
      String comparator,
      boolean registered) {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("participant", participant);
    row.put("visit", visit);
    row.put("sampleId", sample);
    row.put("specimen", specimen);
    row.put("collectedAt", "2026-03-01T08:15:00Z");
    row.put("analyte", analyte);
    row.put("value", value);
    row.put("unit", unit);
    row.put("standardValue", standardValue);
    row.put("standardUnit", standardUnit);
    row.put("comparator", comparator);
    row.put("censored", "false");
    row.put("qcStatus", "PASS");
    row.put("registered", String.valueOf(registered));
    row.put("corrected", "false");
    row.put("correctedAt", "");
    row.put("batchId", batchId);
    row.put("outOfWindow", "false"); // the trial declares no windows
    for (String assay : List.of("assayMethod", "assayKit", "assayLot", "assayRun")) {
      row.put(assay, ""); // no assay reported: empty in CSV, absent in NDJSON
    }
    row.put("lloq", "");
    row.put("uloq", "");
    row.put("basis", "");
    return row;
  }

  private Response export(String query) {
    return as("reader", CONSORTIUM).get("/api/v1/trials/" + trial + "/results/export" + query);
  }

  @Test
  void aConsortiumRunningItsShareOfExportsIsToldToComeBackAndEveryPlaceIsGivenBack() {
    // the default share is 3 exports at once per consortium: hold them as three slow downloads
    // would, and the fourth is refused before anything is streamed
    List<ExportPermits.Permit> held = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        held.add(permits.acquire(CONSORTIUM));
      }
      export("?format=csv")
          .then()
          .statusCode(429)
          .contentType("application/problem+json")
          .header("Retry-After", "10");
    } finally {
      held.forEach(ExportPermits.Permit::close);
    }
    // done downloads leave no place taken, whichever way they end
    for (String format : List.of("csv", "ndjson", "sdtm-lb", "fhir-r4")) {
      export("?format=" + format).then().statusCode(200);
    }
    export("?format=csv&visit=W99").then().statusCode(400);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(() -> permits.running() == 0);
    export("?format=csv").then().statusCode(200);
  }

  @Test
  void csvRoundTripsTheIngestedRows() throws IOException {
    Response response = export("?format=csv");
    response
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", "attachment; filename=\"" + trial + "-results.csv\"");
    String body = response.asString();
    assertThat(body).startsWith(String.join(",", COLUMNS) + "\r\n");
    List<Map<String, String>> rows = csv(body);
    assertThat(ids(rows)).isSorted().doesNotHaveDuplicates().hasSize(expected.size());
    assertThat(withoutIds(rows)).isEqualTo(expected);
  }

  @Test
  void ndjsonRoundTripsTheIngestedRowsAndMatchesTheCsvIds() throws IOException {
    Response response = export("?format=ndjson");
    response.then().statusCode(200).contentType(startsWith("application/x-ndjson"));
    List<Map<String, String>> rows = ndjson(response.asString());
    assertThat(withoutIds(rows)).isEqualTo(expected);
    assertThat(ids(rows)).isEqualTo(ids(csv(export("").asString())));
  }

  @Test
  void theAcceptHeaderChoosesTheFormatWhenNoFormatIsGiven() throws IOException {
    Response ndjson =
        as("statistician", CONSORTIUM)
            .accept("application/x-ndjson")
            .get("/api/v1/trials/" + trial + "/results/export");
    ndjson.then().statusCode(200).contentType(startsWith("application/x-ndjson"));
    assertThat(ndjson(ndjson.asString())).hasSize(expected.size());
    as("pipeline", CONSORTIUM)
        .accept("text/csv")
        .get("/api/v1/trials/" + trial + "/results/export")
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"));
  }

  @Test
  void visitAndAnalyteFilterTheExport() throws IOException {
    List<Map<String, String>> w8Il6 = csv(export("?visit=W8&analyte=IL6").asString());
    assertThat(withoutIds(w8Il6)).containsExactly(expected.get(2), expected.get(5));
    List<Map<String, String>> w0 = ndjson(export("?visit=W0&format=ndjson").asString());
    assertThat(withoutIds(w0)).containsExactly(expected.get(0), expected.get(1), expected.get(3));
  }

  @Test
  void badRequestsAreProblemsAndOtherConsortiaSeeNothing() {
    export("?format=xml")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("format"));
    export("?visit=W99")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("visit"));
    export("?analyte=NOPE").then().statusCode(400).body("violations[0].field", equalTo("analyte"));
    // application/json is the SDTM Dataset-JSON now (SdtmLbExportTest); XML is no format of ours
    as("reader", CONSORTIUM)
        .accept("application/xml")
        .get("/api/v1/trials/" + trial + "/results/export")
        .then()
        .statusCode(406);
    as("reader", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/results/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    as("curator", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/export")
        .then()
        .statusCode(403);
    RestAssured.get("/api/v1/trials/" + trial + "/results/export").then().statusCode(401);
  }

  @Test
  void theApiDocumentDescribesTheExportAndTheDriftReport() {
    JsonPath api =
        RestAssured.given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> content =
        api.getMap("paths.'/api/v1/trials/{trialId}/results/export'.get.responses.'200'.content");
    assertThat(content)
        .containsOnlyKeys(
            "text/csv", "application/x-ndjson", "application/json", "application/fhir+ndjson");
    assertThat(api.getString("paths.'/api/v1/trials/{trialId}/drift'.get.summary")).isNotBlank();
  }

  static final String[] COLUMNS = {
    "id",
    "participant",
    "visit",
    "sampleId",
    "specimen",
    "collectedAt",
    "analyte",
    "value",
    "unit",
    "standardValue",
    "standardUnit",
    "comparator",
    "censored",
    "qcStatus",
    "registered",
    "corrected",
    "correctedAt",
    "batchId",
    "outOfWindow",
    "assayMethod",
    "assayKit",
    "assayLot",
    "assayRun",
    "lloq",
    "uloq",
    "basis"
  };

  /** CSV records as column → text; numbers normalised so that 2.50 and 2.5 compare equal. */
  static List<Map<String, String>> csv(String body) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    for (CSVRecord record : format.parse(new StringReader(body))) {
      assertThat(record.getParser().getHeaderNames()).containsExactly(COLUMNS);
      Map<String, String> row = new LinkedHashMap<>(record.toMap());
      rows.add(normalised(row));
    }
    return rows;
  }

  /** NDJSON lines as column → text, the same shape as {@link #csv}. */
  static List<Map<String, String>> ndjson(String body) throws IOException {
    assertThat(body).endsWith("\n");
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : body.split("\n")) {
      Map<String, Object> object = JSON.readValue(line, new TypeReference<>() {});
      // in column order; a field without a value is absent, as in GET results
      assertThat(List.of(COLUMNS)).containsSubsequence(object.keySet());
      assertThat(object).doesNotContainValue(null);
      Map<String, String> row = new LinkedHashMap<>();
      for (String column : COLUMNS) {
        // NDJSON leaves outOfWindow out unless it is true, as GET results does
        Object value = object.getOrDefault(column, column.equals("outOfWindow") ? false : null);
        row.put(
            column,
            value == null
                ? ""
                : value instanceof BigDecimal d ? d.toPlainString() : value.toString());
      }
      rows.add(normalised(row));
    }
    return rows;
  }

  private static Map<String, String> normalised(Map<String, String> row) {
    for (String number : List.of("value", "standardValue")) {
      row.put(number, new BigDecimal(row.get(number)).stripTrailingZeros().toPlainString());
    }
    return row;
  }

  static List<Long> ids(List<Map<String, String>> rows) {
    return rows.stream().map(r -> Long.parseLong(r.get("id"))).toList();
  }

  private static List<Map<String, String>> withoutIds(List<Map<String, String>> rows) {
    return rows.stream()
        .map(
            r -> {
              Map<String, String> copy = new LinkedHashMap<>(r);
              copy.remove("id");
              return copy;
            })
        .toList();
  }
}
