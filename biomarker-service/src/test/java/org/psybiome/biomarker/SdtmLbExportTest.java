package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;
import static org.psybiome.biomarker.TrialEventsProducer.visit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The SDTM LB export (format=sdtm-lb, CDISC Dataset-JSON 1.1; format=sdtm-lb-csv) of a masked trial
 * whose schedule has a screening visit before the baseline visit. Every expected value below is
 * worked out by hand from the rows posted and the SDTMIG rules, in the comments.
 */
@QuarkusTest
class SdtmLbExportTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  static final List<String> COLUMNS =
      List.of(
          "STUDYID",
          "DOMAIN",
          "USUBJID",
          "LBSEQ",
          "LBREFID",
          "LBTESTCD",
          "LBTEST",
          "LBCAT",
          "LBORRES",
          "LBORRESU",
          "LBSTRESC",
          "LBSTRESN",
          "LBSTRESU",
          "LBSTAT",
          "LBREASND",
          "LBLOINC",
          "LBSPEC",
          "LBMETHOD",
          "LBBLFL",
          "LBDRVFL",
          "LBLLOQ",
          "LBULOQ",
          "VISITNUM",
          "VISIT",
          "LBDTC",
          "LBDY");

  @Inject TrialSnapshots snapshots;

  private String trial;

  /**
   * Schedule SCR (day -14), W0 (day 0, baseline), W4, W8: VISITNUM 1, 2, 3, 4. MG-0001 enrolled
   * 2026-03-01, MG-0002 2026-03-03 (the reference start dates of LBDY), MG-0003 without results.
   */
  @BeforeEach
  void trialWithResults() throws IOException {
    trial = TrialEventsProducer.newTrialId();
    Map<String, Object> view = TrialEventsProducer.trialView(trial, 2, "DOUBLE", "Placebo");
    view.put(
        "schedule",
        Map.of(
            "visits",
            List.of(
                visit("SCR", -14, false, List.of("INFLAMMATION"), List.of()),
                visit("W0", 0, true, List.of("INFLAMMATION", "HPA"), List.of("HAMD17")),
                visit("W4", 28, false, List.of("INFLAMMATION"), List.of()),
                visit("W8", 56, false, List.of("INFLAMMATION"), List.of("HAMD17")))));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(view);
      events.enrolled(trial, UUID.randomUUID(), "MG-0001", "Probiotic", LocalDate.of(2026, 3, 1));
      events.enrolled(trial, UUID.randomUUID(), "MG-0002", "Placebo", LocalDate.of(2026, 3, 3));
      events.enrolled(trial, UUID.randomUUID(), "MG-0003", "Placebo", LocalDate.of(2026, 3, 4));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                snapshots.participant(trial, "MG-0003").isPresent()
                    && snapshots.trial(trial).isPresent());

    List<Map<String, Object>> rows = new ArrayList<>();
    // MG-0001: IL-6 at every visit (pg/mL, the standard unit)
    rows.add(il6("MG-0001", "SCR", "A-SCR", "2026-02-20T09:00:00Z", "3.1"));
    rows.add(il6("MG-0001", "W0", "A-W0", "2026-02-28T23:30:00Z", "2.5"));
    rows.add(il6("MG-0001", "W4", "A-W4", "2026-03-29T08:00:00Z", "1.8"));
    rows.add(il6("MG-0001", "W8", "A-W8", "2026-04-26T08:00:00Z", "1.2"));
    // MG-0001: hs-CRP at SCR, failed QC at W0 (the baseline visit), below the LOQ at W8
    rows.add(crp("MG-0001", "SCR", "C-SCR", "2026-02-20T09:00:00Z", "1.2", null, "PASS"));
    rows.add(crp("MG-0001", "W0", "C-W0", "2026-03-01T07:00:00Z", "0.9", null, "FAIL"));
    rows.add(crp("MG-0001", "W8", "C-W8", "2026-04-26T08:00:00Z", "0.5", "<", "PASS"));
    // MG-0002: cortisol in ug/dL (converted), IL-6 at W0 and W8, a rating scale (not LB)
    rows.add(
        with(
            row("MG-0002", "W0", "B-W0-C", "CORTISOL_AM"),
            "collectedAt",
            "2026-03-03T08:00:00Z",
            "value",
            1,
            "unit",
            "ug/dL"));
    rows.add(il6("MG-0002", "W0", "B-W0", "2026-03-03T08:00:00Z", "4.1"));
    rows.add(il6("MG-0002", "W8", "B-W8", "2026-04-28T08:00:00Z", "3.2"));
    rows.add(
        with(
            row("MG-0002", "W8", "B-H", "HAMD17"),
            "collectedAt",
            "2026-04-28T08:00:00Z",
            "value",
            12,
            "unit",
            "{score}"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
  }

  private static Map<String, Object> il6(
      String participant, String visit, String sample, String collected, String value) {
    return with(
        row(participant, visit, sample, "IL6"),
        "collectedAt",
        collected,
        "value",
        new BigDecimal(value));
  }

  private static Map<String, Object> crp(
      String participant,
      String visit,
      String sample,
      String collected,
      String value,
      String comparator,
      String qc) {
    return with(
        row(participant, visit, sample, "HSCRP"),
        "collectedAt",
        collected,
        "value",
        new BigDecimal(value),
        "unit",
        "mg/L",
        "comparator",
        comparator,
        "qcStatus",
        qc);
  }

  /**
   * The expected records, in the export's order: by subject, then test (analyte code HSCRP before
   * IL6), then visit in schedule order. LBSEQ counts each subject's records from 1. LBDY = days
   * from the enrolment date + 1 when on or after it, else the (negative) days: MG-0001 (2026-03-01)
   * 2026-02-20 → -9, 2026-02-28 → -1, 2026-03-01 → 1, 2026-03-29 → 28 + 1 = 29, 2026-04-26 → 56 + 1
   * = 57; MG-0002 (2026-03-03) 2026-03-03 → 1, 2026-04-28 → 56 + 1 = 57. LBBLFL: the last record
   * with a result at SCR or W0: HSCRP W0 failed QC (NOT DONE), so HSCRP's baseline is SCR; IL-6's
   * is W0 for both.
   */
  private List<Map<String, Object>> expected() {
    String s1 = trial + "-MG-0001";
    String s2 = trial + "-MG-0002";
    String crp = "C-reactive protein, high-sensitivity";
    List<Map<String, Object>> records = new ArrayList<>();
    records.add(
        rec(
            s1,
            1,
            "HSCRP",
            crp,
            "IMMUNOLOGY",
            "1.2",
            "mg/L",
            "1.2",
            "1.2",
            "30522-7",
            "Y",
            1,
            "SCR"));
    records.get(0).putAll(Map.of("LBDTC", "2026-02-20T09:00:00", "LBDY", -9));
    Map<String, Object> failed =
        rec(s1, 2, "HSCRP", crp, "IMMUNOLOGY", null, null, null, null, "30522-7", null, 2, "W0");
    failed.putAll(
        Map.of(
            "LBSTAT",
            "NOT DONE",
            "LBREASND",
            "QC FAILED",
            "LBDTC",
            "2026-03-01T07:00:00",
            "LBDY",
            1));
    failed.put("LBSTRESU", null);
    records.add(failed);
    // censored: the limit as text with its comparator, no number
    Map<String, Object> censored =
        rec(
            s1,
            3,
            "HSCRP",
            crp,
            "IMMUNOLOGY",
            "<0.5",
            "mg/L",
            "<0.5",
            null,
            "30522-7",
            null,
            4,
            "W8");
    censored.putAll(Map.of("LBDTC", "2026-04-26T08:00:00", "LBDY", 57));
    records.add(censored);
    String il6 = "Interleukin-6";
    Object[][] mg1 = {
      {4, "3.1", null, 1, "SCR", "2026-02-20T09:00:00", -9},
      {5, "2.5", "Y", 2, "W0", "2026-02-28T23:30:00", -1},
      {6, "1.8", null, 3, "W4", "2026-03-29T08:00:00", 29},
      {7, "1.2", null, 4, "W8", "2026-04-26T08:00:00", 57}
    };
    for (Object[] r : mg1) {
      Map<String, Object> m =
          rec(
              s1,
              (Integer) r[0],
              "IL6",
              il6,
              "IMMUNOLOGY",
              (String) r[1],
              "pg/mL",
              (String) r[1],
              (String) r[1],
              "26881-3",
              (String) r[2],
              (Integer) r[3],
              (String) r[4]);
      m.putAll(Map.of("LBDTC", r[5], "LBDY", r[6]));
      m.put("LBSTRESU", "pg/mL");
      records.add(m);
    }
    // 1 ug/dL = 10 ug/L; / 362.46 g/mol = 27.589251227721679633... nmol/L (16 digits kept)
    Map<String, Object> cortisol =
        rec(
            s2,
            1,
            "CORTAM",
            "Cortisol, morning",
            "ENDOCRINOLOGY",
            "1",
            "ug/dL",
            "27.58925122772168",
            "27.58925122772168",
            null,
            "Y",
            2,
            "W0");
    cortisol.putAll(Map.of("LBSTRESU", "nmol/L", "LBDTC", "2026-03-03T08:00:00", "LBDY", 1));
    records.add(cortisol);
    Map<String, Object> b0 =
        rec(s2, 2, "IL6", il6, "IMMUNOLOGY", "4.1", "pg/mL", "4.1", "4.1", "26881-3", "Y", 2, "W0");
    b0.putAll(Map.of("LBSTRESU", "pg/mL", "LBDTC", "2026-03-03T08:00:00", "LBDY", 1));
    records.add(b0);
    Map<String, Object> b8 =
        rec(
            s2,
            3,
            "IL6",
            il6,
            "IMMUNOLOGY",
            "3.2",
            "pg/mL",
            "3.2",
            "3.2",
            "26881-3",
            null,
            4,
            "W8");
    b8.putAll(Map.of("LBSTRESU", "pg/mL", "LBDTC", "2026-04-28T08:00:00", "LBDY", 57));
    records.add(b8);
    // LBREFID: the sample ids posted, in the same order
    List<String> samples =
        List.of("C-SCR", "C-W0", "C-W8", "A-SCR", "A-W0", "A-W4", "A-W8", "B-W0-C", "B-W0", "B-W8");
    for (int i = 0; i < records.size(); i++) {
      records.get(i).put("LBREFID", samples.get(i));
    }
    return records;
  }

  private Map<String, Object> rec(
      String usubjid,
      int seq,
      String testcd,
      String test,
      String category,
      String orres,
      String orresu,
      String stresc,
      String stresn,
      String loinc,
      String baseline,
      int visitnum,
      String visit) {
    Map<String, Object> r = new HashMap<>();
    r.put("STUDYID", trial);
    r.put("DOMAIN", "LB");
    r.put("USUBJID", usubjid);
    r.put("LBSEQ", seq);
    r.put("LBTESTCD", testcd);
    r.put("LBTEST", test);
    r.put("LBCAT", category);
    r.put("LBORRES", orres);
    r.put("LBORRESU", orresu);
    r.put("LBSTRESC", stresc);
    r.put("LBSTRESN", stresn == null ? null : new BigDecimal(stresn));
    r.put("LBSTRESU", orresu);
    r.put("LBSTAT", null);
    r.put("LBREASND", null);
    r.put("LBLOINC", loinc);
    r.put("LBSPEC", "SERUM");
    r.put("LBBLFL", baseline);
    r.put("LBDRVFL", null); // IL-6 and hs-CRP are measured, not derived
    r.put("LBMETHOD", null); // no assay reported (AssayMetadataTest has them)
    r.put("LBLLOQ", null);
    r.put("LBULOQ", null);
    r.put("VISITNUM", visitnum);
    r.put("VISIT", visit);
    return r;
  }

  private Response export(String query) {
    return as("reader", CONSORTIUM).get("/api/v1/trials/" + trial + "/results/export" + query);
  }

  @Test
  void datasetJsonCarriesTheColumnsTheRecordCountAndTheHandWorkedRecords() throws IOException {
    Response response = export("?format=sdtm-lb");
    response
        .then()
        .statusCode(200)
        .contentType(startsWith("application/json"))
        .header("Content-Disposition", "attachment; filename=\"" + trial + "-lb.json\"");
    JsonNode dataset = JSON.readTree(response.asString());

    // the top-level attributes in the order Dataset-JSON 1.1 recommends
    List<String> attributes = new ArrayList<>();
    dataset.fieldNames().forEachRemaining(attributes::add);
    assertThat(attributes)
        .containsExactly(
            "datasetJSONCreationDateTime",
            "datasetJSONVersion",
            "originator",
            "studyOID",
            "itemGroupOID",
            "records",
            "name",
            "label",
            "columns",
            "rows");
    assertThat(dataset.get("datasetJSONVersion").asText()).isEqualTo("1.1.0");
    assertThat(dataset.get("datasetJSONCreationDateTime").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");
    assertThat(dataset.get("itemGroupOID").asText()).isEqualTo("IG.LB");
    assertThat(dataset.get("name").asText()).isEqualTo("LB");
    assertThat(dataset.get("studyOID").asText()).isEqualTo(trial);

    List<String> names = new ArrayList<>();
    Map<String, Integer> lengths = new HashMap<>();
    for (JsonNode column : dataset.get("columns")) {
      String name = column.get("name").asText();
      names.add(name);
      assertThat(column.get("itemOID").asText()).isEqualTo("IT.LB." + name);
      assertThat(column.get("label").asText()).isNotBlank().hasSizeLessThanOrEqualTo(40);
      assertThat(column.get("dataType").asText()).isIn("string", "integer", "float", "datetime");
      if (column.get("dataType").asText().equals("string")) {
        lengths.put(name, column.get("length").asInt());
      }
    }
    assertThat(names).isEqualTo(COLUMNS);
    assertThat(lengths).containsEntry("LBTESTCD", 8).containsEntry("LBTEST", 40);
    // STUDYID is the trial id; USUBJID adds "-" and the longest participant code (7 characters)
    assertThat(lengths.get("USUBJID")).isEqualTo(trial.length() + 1 + 7);

    // ten records: MG-0001's seven and MG-0002's three; the rating scale is not LB
    JsonNode rows = dataset.get("rows");
    assertThat(dataset.get("records").asInt()).isEqualTo(10).isEqualTo(rows.size());
    List<Map<String, Object>> records = new ArrayList<>();
    for (JsonNode row : rows) {
      assertThat(row.size()).isEqualTo(COLUMNS.size());
      Map<String, Object> record = new HashMap<>();
      Iterator<JsonNode> values = row.elements();
      for (String name : COLUMNS) {
        JsonNode value = values.next();
        if (value.isTextual() && lengths.containsKey(name)) {
          assertThat(value.asText().length()).as(name).isLessThanOrEqualTo(lengths.get(name));
        }
        record.put(name, value(value));
      }
      records.add(record);
    }
    assertThat(records).isEqualTo(expected());
    // a masked trial: no arm anywhere
    assertThat(response.asString()).doesNotContain("Probiotic").doesNotContain("Placebo");
  }

  @Test
  void lbTestCodesObeyTheSdtmRule() throws IOException {
    JsonNode rows = JSON.readTree(export("?format=sdtm-lb").asString()).get("rows");
    for (JsonNode row : rows) {
      assertThat(row.get(COLUMNS.indexOf("LBTESTCD")).asText()).matches("[A-Z][A-Z0-9_]{0,7}");
      assertThat(row.get(COLUMNS.indexOf("LBTEST")).asText().length()).isLessThanOrEqualTo(40);
    }
    // every analyte of the catalogue has one, unique, valid test code and a short test name
    List<Map<String, Object>> catalogue =
        RestAssured.get("/api/v1/analytes").then().statusCode(200).extract().jsonPath().getList("");
    assertThat(catalogue).hasSizeGreaterThanOrEqualTo(58);
    assertThat(catalogue.stream().map(a -> (String) a.get("sdtmTestCode")))
        .allMatch(c -> c.matches("[A-Z][A-Z0-9_]{0,7}"))
        .doesNotHaveDuplicates();
    assertThat(catalogue.stream().map(a -> (String) a.get("sdtmTestName")))
        .allMatch(n -> !n.isBlank() && n.length() <= 40);
  }

  @Test
  void theCsvHasTheSameRecords() throws IOException {
    Response response = export("?format=sdtm-lb-csv");
    response
        .then()
        .statusCode(200)
        .contentType(startsWith("text/csv"))
        .header("Content-Disposition", "attachment; filename=\"" + trial + "-lb.csv\"");
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    List<Map<String, Object>> records = new ArrayList<>();
    for (CSVRecord record : format.parse(new StringReader(response.asString()))) {
      assertThat(record.getParser().getHeaderNames()).isEqualTo(COLUMNS);
      Map<String, Object> r = new LinkedHashMap<>();
      record.toMap().forEach((k, v) -> r.put(k, v.isEmpty() ? null : v));
      records.add(r);
    }
    List<Map<String, Object>> expected = new ArrayList<>();
    for (Map<String, Object> e : expected()) {
      Map<String, Object> text = new HashMap<>();
      e.forEach(
          (k, v) ->
              text.put(
                  k,
                  v == null ? null : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
      expected.add(text);
    }
    assertThat(records).isEqualTo(expected);
  }

  @Test
  void aFilterIsRefusedAndAccessIsTheExports() {
    export("?format=sdtm-lb&visit=W0")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("visit"));
    export("?format=sdtm-lb-csv&analyte=IL6")
        .then()
        .statusCode(400)
        .body("violations[0].field", equalTo("analyte"));
    // the Accept header alone chooses the Dataset-JSON
    as("statistician", CONSORTIUM)
        .accept("application/json")
        .get("/api/v1/trials/" + trial + "/results/export")
        .then()
        .statusCode(200)
        .body("records", equalTo(10));
    as("reader", "OTHERCONS")
        .get("/api/v1/trials/" + trial + "/results/export?format=sdtm-lb")
        .then()
        .statusCode(404);
    as("registrant", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results/export?format=sdtm-lb")
        .then()
        .statusCode(403);
  }

  private static Object value(JsonNode value) {
    if (value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asInt();
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    return value.asText();
  }
}
