package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two JSON exports through the API: a registered copy of the probiotic demo trial, with the
 * items of record 1.1, as a ClinicalTrials.gov API v2 study and as the WHO TRDS.
 */
@QuarkusTest
class JsonExportTest {

  private static Response export(String id, String format) {
    return given().queryParam("format", format).get("/api/v1/trials/" + id + "/export");
  }

  private static JsonNode body(Response response) throws IOException {
    return DemoTrials.JSON.readTree(response.asString());
  }

  @Test
  void aRegisteredTrialIsAClinicalTrialsGovStudy() throws IOException {
    ObjectNode record = RicherDemoTrial.load();
    TrialApi.Created draft = TrialApi.createDraft(record);
    String etag = TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");

    Response response = export(draft.id(), "ctgov-v2");
    response.then().statusCode(200).contentType("application/json").header("ETag", equalTo(etag));
    JsonNode study = body(response);

    String nct = record.get("secondaryIds").get(0).get("value").asText();
    assertThat(study.at("/protocolSection/identificationModule/nctId").asText()).isEqualTo(nct);
    assertThat(study.at("/protocolSection/identificationModule/secondaryIdInfos/0").toString())
        .isEqualTo(
            "{\"id\":\""
                + record.get("secondaryIds").get(1).get("value").asText()
                + "\",\"type\":\"REGISTRY\",\"domain\":\"ISRCTN\"}");
    assertThat(study.at("/protocolSection/statusModule/overallStatus").asText())
        .isEqualTo("RECRUITING");
    assertThat(study.at("/protocolSection/statusModule/startDateStruct").toString())
        .isEqualTo("{\"date\":\"2027-03\",\"type\":\"ESTIMATED\"}");
    assertThat(study.at("/protocolSection/designModule/enrollmentInfo").toString())
        .isEqualTo("{\"count\":240,\"type\":\"ESTIMATED\"}");
    assertThat(study.at("/protocolSection/armsInterventionsModule/armGroups/0/interventionNames"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "Dietary Supplement: L. helveticus R0052 + B. longum R0175",
            "Drug: Continued SSRI at stable dose");
    List<String> countries = new ArrayList<>();
    study
        .at("/protocolSection/contactsLocationsModule/locations")
        .forEach(l -> countries.add(l.get("country").asText()));
    // two sites, and the third country of recruitment without a site
    assertThat(countries).containsExactly("Germany", "Ireland", "Netherlands");
    assertThat(study.at("/protocolSection/conditionsModule/conditions"))
        .extracting(JsonNode::asText)
        .containsExactly("Depressive Disorder", "Depressive disorder", "gut microbiome");
    assertThat(study.get("hasResults").asBoolean()).isFalse();
    assertThat(study.has("resultsSection")).isFalse();
  }

  @Test
  void aRegisteredTrialIsTheWhoDataSet() throws IOException {
    ObjectNode record = RicherDemoTrial.load();
    TrialApi.Created draft = TrialApi.createDraft(record);
    String etag = TrialApi.moveTo(draft.id(), draft.etag(), "RECRUITING");
    String registeredOn =
        given().get("/api/v1/trials/" + draft.id()).jsonPath().getString("registeredOn");

    Response response = export(draft.id(), "who-trds");
    response.then().statusCode(200).contentType("application/json").header("ETag", equalTo(etag));
    JsonNode dataSet = body(response);

    assertThat(dataSet.get("version").asText()).isEqualTo("1.3.1");
    JsonNode items = dataSet.get("items");
    assertThat(items).hasSize(24);
    assertThat(items.get(0).get("label").asText())
        .isEqualTo("Primary Registry and Trial Identifying Number");
    assertThat(items.get(0).get("value").toString())
        .isEqualTo("{\"registry\":\"Psybiome\",\"id\":\"" + draft.id() + "\"}");
    assertThat(items.get(1).get("value").asText()).isEqualTo(registeredOn);
    assertThat(items.get(8).get("value").asText()).isEqualTo(record.get("publicTitle").asText());
    assertThat(items.get(15).get("value").toString())
        .isEqualTo("{\"date\":\"2027-03\",\"type\":\"ANTICIPATED\"}");
    assertThat(items.get(16).get("value").toString()).isEqualTo("{\"target\":240,\"actual\":0}");
    assertThat(items.get(17).get("value").toString()).isEqualTo("{\"status\":\"RECRUITING\"}");
    assertThat(items.get(22).get("label").asText()).isEqualTo("Summary Results");
    assertThat(items.get(22).get("value").isNull()).isTrue();
  }

  @Test
  void aDraftIsExportedOnlyToItsConsortium() {
    TrialApi.Created draft = TrialApi.createDraft(RicherDemoTrial.load());
    TrialApi.as("reader")
        .queryParam("format", "ctgov-v2")
        .get("/api/v1/trials/" + draft.id() + "/export")
        .then()
        .statusCode(200)
        .contentType("application/json")
        // ClinicalTrials.gov has no draft status: a draft has none
        .body("protocolSection.statusModule.overallStatus", equalTo(null));
    TrialApi.as("reader", TrialApi.OTHER_CONSORTIUM)
        .queryParam("format", "who-trds")
        .get("/api/v1/trials/" + draft.id() + "/export")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }
}
