package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import ca.uhn.fhir.validation.SingleValidationMessage;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * The FHIR R4 export (format=fhir-r4): every line is an Observation that HAPI's R4 validator
 * (offline, core profiles, as trial-service validates its ResearchStudy) accepts without an error,
 * with the fields the export promises, checked against the rows posted.
 */
@QuarkusTest
class FhirObservationExportTest {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  @Inject TrialSnapshots snapshots;

  private String trial;

  /**
   * A laboratory result with a LOINC code (IL-6), one without (cortisol, converted), one below the
   * LOQ with a QC warning, one above it, a rating scale, KYN and TRP with their derived ratio, a
   * genus abundance and the unitless Shannon index; then a correction of the IL-6 result.
   */
  @BeforeEach
  void ingested() throws IOException {
    trial = ResultsApi.registeredTrial(snapshots);
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(with(row("MG-0001", "W0", "F-1", "IL6"), "value", new BigDecimal("2.5")));
    rows.add(with(row("MG-0001", "W0", "F-1", "CORTISOL_AM"), "value", 1, "unit", "ug/dL"));
    rows.add(
        with(
            row("MG-0002", "W8", "F-2", "IL6"),
            "value",
            new BigDecimal("0.5"),
            "comparator",
            "<",
            "qcStatus",
            "WARN"));
    rows.add(
        with(
            row("MG-0003", "W8", "F-3", "HSCRP"), "value", 200, "unit", "mg/L", "comparator", ">"));
    rows.add(with(row("MG-0003", "W8", "F-4", "HAMD17"), "value", 14, "unit", "{score}"));
    rows.add(with(row("MG-0002", "W0", "F-5", "KYN"), "value", 2, "unit", "umol/L"));
    rows.add(with(row("MG-0002", "W0", "F-5", "TRP"), "value", 50, "unit", "umol/L"));
    rows.add(with(row("MG-0001", "W0", "F-6", "TAXON_1578"), "value", 2, "unit", "%"));
    rows.add(with(row("MG-0001", "W0", "F-6", "TAXON_816"), "value", 30, "unit", "%"));
    // the rest of the sample, unclassified at genus level: a full profile has a Shannon index
    rows.add(with(row("MG-0001", "W0", "F-6", "TAXON_UNCLASSIFIED"), "value", 68, "unit", "%"));
    post(trial, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    long il6 =
        as("reader", CONSORTIUM)
            .queryParam("analyte", "IL6")
            .queryParam("participant", "MG-0001")
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getLong("items[0].id");
    as("pipeline", CONSORTIUM)
        .contentType("application/json")
        .body(Map.of("value", "3.5", "unit", "pg/mL", "reason", "transcription error"))
        .post("/api/v1/trials/" + trial + "/results/" + il6 + "/corrections")
        .then()
        .statusCode(201);
  }

  private List<String> lines() {
    Response response =
        as("reader", CONSORTIUM).get("/api/v1/trials/" + trial + "/results/export?format=fhir-r4");
    response
        .then()
        .statusCode(200)
        .contentType(startsWith("application/fhir+ndjson"))
        .header(
            "Content-Disposition", "attachment; filename=\"" + trial + "-observations.ndjson\"");
    String body = response.asString();
    assertThat(body).endsWith("\n");
    return List.of(body.split("\n"));
  }

  @Test
  void everyLineIsAnObservationTheR4ValidatorAccepts() {
    List<String> lines = lines();
    // ten posted rows and the derived KYN/TRP ratio and Shannon index
    assertThat(lines).hasSize(12);
    Set<String> warnings = new TreeSet<>();
    for (String line : lines) {
      List<SingleValidationMessage> messages = FhirValidation.validate(line);
      assertThat(FhirValidation.errors(messages)).as(line).isEmpty();
      FhirValidation.warnings(messages)
          .forEach(m -> warnings.add(m.getLocationString() + ": " + m.getMessage()));
    }
    // what the validator could not check offline (LOINC, the extension's definition), for a reader
    warnings.forEach(w -> System.out.println("FHIR validation warning: " + w));
  }

  /** The validator is no rubber stamp: an exported line without its status is an error. */
  @Test
  void theValidatorRefusesAnObservationWithoutStatus() throws IOException {
    ObjectNode line = (ObjectNode) JSON.readTree(lines().get(0));
    assertThat(FhirValidation.errors(FhirValidation.validate(line.toString()))).isEmpty();
    line.remove("status");
    assertThat(FhirValidation.errors(FhirValidation.validate(line.toString()))).isNotEmpty();
  }

  @Test
  void theObservationsCarryTheResults() throws IOException {
    Map<String, JsonNode> byCode = new HashMap<>();
    for (String line : lines()) {
      JsonNode o = JSON.readTree(line);
      assertThat(o.get("resourceType").asText()).isEqualTo("Observation");
      byCode.put(
          o.get("subject").get("identifier").get("value").asText()
              + "/"
              + o.at("/code/coding").get(o.at("/code/coding").size() - 1).get("code").asText(),
          o);
    }
    String participants = "https://psybiome.org/fhir/trials/" + trial + "/participants";

    // IL-6, corrected from 2.5 to 3.5: amended, LOINC 26881-3 and the local code, UCUM pg/mL
    JsonNode il6 = byCode.get("MG-0001/IL6");
    assertThat(il6.get("status").asText()).isEqualTo("amended");
    assertThat(il6.at("/category/0/coding/0/code").asText()).isEqualTo("laboratory");
    assertThat(il6.at("/code/coding/0/system").asText()).isEqualTo("http://loinc.org");
    assertThat(il6.at("/code/coding/0/code").asText()).isEqualTo("26881-3");
    assertThat(il6.at("/code/coding/1/system").asText())
        .isEqualTo("https://psybiome.org/fhir/CodeSystem/analyte");
    assertThat(il6.at("/subject/identifier/system").asText()).isEqualTo(participants);
    assertThat(il6.at("/subject/reference").isMissingNode()).isTrue();
    assertThat(il6.get("effectiveDateTime").asText()).isEqualTo("2026-03-01T08:15:00Z");
    assertThat(il6.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("3.5");
    assertThat(il6.at("/valueQuantity/system").asText()).isEqualTo("http://unitsofmeasure.org");
    assertThat(il6.at("/valueQuantity/code").asText()).isEqualTo("pg/mL");
    assertThat(il6.at("/valueQuantity/comparator").isMissingNode()).isTrue();
    assertThat(il6.at("/specimen/display").asText()).isEqualTo("Serum");
    assertThat(il6.at("/extension/0/valueString").asText()).isEqualTo("W0");

    // cortisol: no LOINC in the catalogue, the standard value in nmol/L, final
    JsonNode cortisol = byCode.get("MG-0001/CORTISOL_AM");
    assertThat(cortisol.get("status").asText()).isEqualTo("final");
    assertThat(cortisol.at("/code/coding").size()).isEqualTo(1);
    // 1 ug/dL = 10 ug/L; / 362.46 g/mol = 27.589251227721679633... nmol/L (16 digits kept)
    assertThat(cortisol.at("/valueQuantity/value").decimalValue())
        .isEqualByComparingTo("27.58925122772168");
    assertThat(cortisol.at("/valueQuantity/code").asText()).isEqualTo("nmol/L");

    // censored: comparator and the limit; the QC warning as a note
    JsonNode below = byCode.get("MG-0002/IL6");
    assertThat(below.at("/valueQuantity/comparator").asText()).isEqualTo("<");
    assertThat(below.at("/valueQuantity/value").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(below.at("/note/0/text").asText()).isEqualTo("Quality control: WARN");
    JsonNode above = byCode.get("MG-0003/HSCRP");
    assertThat(above.at("/valueQuantity/comparator").asText()).isEqualTo(">");

    // a rating scale: survey, no specimen
    JsonNode scale = byCode.get("MG-0003/HAMD17");
    assertThat(scale.at("/category/0/coding/0/code").asText()).isEqualTo("survey");
    assertThat(scale.at("/valueQuantity/code").asText()).isEqualTo("{score}");
    assertThat(scale.has("specimen")).isFalse();

    // the derived ratio: 2 / 50 * 1000 = 40 umol/mmol; Shannon index in UCUM's unity
    assertThat(byCode.get("MG-0002/KYN_TRP_RATIO").at("/valueQuantity/value").decimalValue())
        .isEqualByComparingTo("40");
    assertThat(byCode.get("MG-0001/SHANNON_GENUS").at("/valueQuantity/code").asText())
        .isEqualTo("1");
    // no arm of the allocation anywhere
    assertThat(String.join("\n", lines())).doesNotContain("Probiotic");
  }

  @Test
  void filtersApplyAsInTheOtherExports() {
    List<String> w8 =
        List.of(
            as("reader", CONSORTIUM)
                .get("/api/v1/trials/" + trial + "/results/export?format=fhir-r4&visit=W8")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\n"));
    // MG-0002 IL-6, MG-0003 hs-CRP and HAMD17
    assertThat(w8).hasSize(3).allMatch(line -> line.contains("\"valueString\":\"W8\""));
  }
}
