package org.psybiome.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Filters, free text and cursor paging, over trials of a consortium of this test's own. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrialSearchTest {

  private final String consortium = "SEARCH-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> ids = new ArrayList<>();
  private final List<ObjectNode> records = new ArrayList<>();

  private RequestSpecification search() {
    return TrialApi.as("reader", consortium).queryParam("consortium", consortium);
  }

  /** Once per class, but inside a test: Quarkus points RestAssured at the app per test. */
  @BeforeEach
  void registerTrials() {
    if (!ids.isEmpty()) {
      return;
    }
    for (String demo :
        List.of(DemoTrials.PROBIOTIC, DemoTrials.FMT, DemoTrials.DIET, DemoTrials.PROBIOTIC)) {
      ObjectNode body = DemoTrials.load(demo);
      records.add(body);
      var response =
          TrialApi.as("registrant", consortium)
              .contentType(ContentType.JSON)
              .body(body)
              .post("/api/v1/trials");
      response.then().statusCode(201);
      String id = response.jsonPath().getString("id");
      ids.add(id);
      TrialApi.as("registrant", consortium)
          .header("If-Match", response.header("ETag"))
          .contentType(ContentType.JSON)
          .body(
              java.util.Map.of(
                  "status", "RECRUITING", "effectiveDate", java.time.LocalDate.now().toString()))
          .post("/api/v1/trials/" + id + "/status")
          .then()
          .statusCode(200);
    }
  }

  /**
   * A listing reads its acronym and condition codes from the stored document by SQL: they must be
   * the record's own, the codes in the record's order, a condition without a code left out.
   */
  @Test
  void eachListingShowsItsRecordsAcronymConditionCodesAndCountries() {
    var page = search().queryParam("pageSize", 10).get("/api/v1/trials").then().statusCode(200);
    List<java.util.Map<String, Object>> items = page.extract().jsonPath().getList("items");
    assertThat(items).hasSize(ids.size());
    for (var item : items) {
      var record =
          TrialApi.as("reader", consortium)
              .get("/api/v1/trials/" + item.get("id"))
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(item.get("acronym")).isEqualTo(record.getString("acronym"));
      List<String> codes = new ArrayList<>();
      for (Object code : record.getList("conditions.code")) {
        if (code != null) {
          codes.add((String) code);
        }
      }
      assertThat(item.get("conditionCodes")).isEqualTo(codes);
      assertThat(item.get("countries")).isEqualTo(record.getList("countries"));
      assertThat(item.get("publicTitle")).isEqualTo(record.getString("publicTitle"));
      assertThat(item.get("version")).isEqualTo(record.getInt("version"));
      assertThat(item.get("registeredOn")).isEqualTo(record.getString("registeredOn"));
    }
    // a condition without a code, between two with: left out, the others in order
    ObjectNode body = DemoTrials.load(DemoTrials.DIET);
    var conditions = body.withArray("conditions");
    conditions.removeAll();
    conditions.addObject().put("system", "ICD10").put("code", "F41.1").put("label", "GAD");
    conditions.addObject().put("label", "Subthreshold anxiety");
    conditions.addObject().put("system", "ICD10").put("code", "F32.1").put("label", "MDD");
    String draftConsortium = consortium + "-D";
    String draft =
        TrialApi.as("registrant", draftConsortium)
            .contentType(ContentType.JSON)
            .body(body)
            .post("/api/v1/trials")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    TrialApi.as("reader", draftConsortium)
        .queryParam("consortium", draftConsortium)
        .get("/api/v1/trials")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(draft))
        .body("items[0].conditionCodes", equalTo(List.of("F41.1", "F32.1")));
  }

  @Test
  void byAnyIdentifierExactly() {
    // DemoTrials gives each trial a random NCT and ISRCTN number
    String nct = records.get(2).get("secondaryIds").get(0).get("value").asText();
    String isrctn = records.get(2).get("secondaryIds").get(1).get("value").asText();
    for (String id :
        List.of(nct, isrctn, nct.toLowerCase(java.util.Locale.ROOT), " " + nct + " ")) {
      search()
          .queryParam("secondaryId", id)
          .get("/api/v1/trials")
          .then()
          .statusCode(200)
          .body("total", equalTo(1))
          .body("items[0].id", equalTo(ids.get(2)));
    }
    // exact: a prefix is not an identifier
    search()
        .queryParam("secondaryId", nct.substring(0, 8))
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(0));
    // without the consortium filter too: any registered trial, any registry
    TrialApi.as("reader", consortium)
        .queryParam("secondaryId", isrctn)
        .get("/api/v1/trials")
        .then()
        .body("items.id", org.hamcrest.Matchers.contains(ids.get(2)));
  }

  @Test
  void anInterventionTypeThatIsNoneIsAProblemRatherThanNoTrials() {
    // a zero-width space inside, or a typo: ignored, it matched nothing and answered 200
    search()
        .queryParam("interventionType", "PROBIO\u200bTIC")
        .get("/api/v1/trials")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("violations[0].field", equalTo("interventionType"));
    search()
        .queryParam("interventionType", "fmt")
        .get("/api/v1/trials")
        .then()
        .statusCode(200)
        .body("items[0].id", equalTo(ids.get(1)));
  }

  @Test
  void byInterventionTypeStrainAndCondition() {
    search()
        .queryParam("interventionType", "FMT")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(ids.get(1)));
    search()
        .queryParam("genus", "bifidobacterium")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(2));
    search()
        .queryParam("species", "Lactobacillus helveticus")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(2));
    // F32 finds the trial coded F32.1; F41.1 the anxiety one
    search().queryParam("condition", "F32").get("/api/v1/trials").then().body("total", equalTo(2));
    search()
        .queryParam("condition", "F41.1")
        .get("/api/v1/trials")
        .then()
        .body("items[0].id", equalTo(ids.get(2)));
    search().queryParam("country", "au").get("/api/v1/trials").then().body("total", equalTo(1));
    search().queryParam("sponsor", "king's").get("/api/v1/trials").then().body("total", equalTo(1));
    search()
        .queryParam("q", "faecal capsules")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(1));
    search()
        .queryParam("status", "COMPLETED")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(0));
    search()
        .queryParam("registeredFrom", java.time.LocalDate.now().toString())
        .queryParam("registeredTo", java.time.LocalDate.now().toString())
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(4));
  }

  /**
   * Filters combine as AND, in the total as in the page (worked from the demo records: both
   * probiotic copies have Bifidobacterium and Lactobacillus helveticus, the FMT trial neither).
   */
  @Test
  void combinedFiltersCountWhatEachFilterSays() {
    search()
        .queryParam("status", "RECRUITING")
        .queryParam("genus", "Bifidobacterium")
        .queryParam("species", "lactobacillus helveticus")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(2))
        .body("items.size()", equalTo(2));
    search()
        .queryParam("status", "RECRUITING")
        .queryParam("interventionType", "fmt")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(1))
        .body("items[0].id", equalTo(ids.get(1)));
    search()
        .queryParam("interventionType", "FMT")
        .queryParam("genus", "bifidobacterium")
        .get("/api/v1/trials")
        .then()
        .body("total", equalTo(0));
  }

  @Test
  void cursorPagingVisitsEveryTrialOnceInOrder() {
    List<String> seen = new ArrayList<>();
    String token = null;
    do {
      var spec = search().queryParam("pageSize", 3).queryParam("sort", "id");
      if (token != null) {
        spec.queryParam("pageToken", token);
      }
      var page =
          spec.get("/api/v1/trials")
              .then()
              .statusCode(200)
              .body("total", equalTo(4))
              .body("totalExact", equalTo(true))
              .extract()
              .jsonPath();
      seen.addAll(page.getList("items.id", String.class));
      token = page.getString("nextPageToken");
    } while (token != null);
    assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
    search()
        .queryParam("pageSize", 10)
        .queryParam("sort", "-id")
        .get("/api/v1/trials")
        .then()
        .body("items[0].id", equalTo(ids.get(3)))
        .body("nextPageToken", nullValue());
  }
}
