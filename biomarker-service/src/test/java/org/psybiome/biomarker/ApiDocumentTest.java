package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.biomarker.CatalogueApi.analyte;
import static org.psybiome.biomarker.CatalogueApi.as;
import static org.psybiome.biomarker.CatalogueApi.uniqueCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's OpenAPI document says what the API does: every operation has an operationId and its
 * success response, the results upload its three real formats, created resources their Location,
 * the export its file name, lists their item schemas. The expected values are the API's behaviour
 * as the other tests of this module exercise it.
 */
@QuarkusTest
class ApiDocumentTest {

  private static final String RESULTS = "/api/v1/trials/{trialId}/results";

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

  private record Success(String operationId, String status) {}

  /** Every operation of the service, its operationId and the status it answers on success. */
  private static final Map<String, Success> OPERATIONS =
      Map.ofEntries(
          Map.entry("GET /api/v1/analytes", new Success("listAnalytes", "200")),
          Map.entry("POST /api/v1/analytes", new Success("createAnalyte", "201")),
          Map.entry("GET /api/v1/analytes/{code}", new Success("getAnalyte", "200")),
          Map.entry("PUT /api/v1/analytes/{code}", new Success("replaceAnalyte", "200")),
          Map.entry("GET /api/v1/panels", new Success("listPanels", "200")),
          Map.entry("POST /api/v1/panels", new Success("createPanel", "201")),
          Map.entry("GET /api/v1/panels/{code}", new Success("getPanel", "200")),
          Map.entry("PUT /api/v1/panels/{code}", new Success("replacePanel", "200")),
          Map.entry("GET /api/v1/batches/{id}", new Success("getBatch", "200")),
          Map.entry("POST " + RESULTS, new Success("postResults", "201")),
          Map.entry("POST " + RESULTS + "/validate", new Success("validateResults", "200")),
          Map.entry("GET " + RESULTS, new Success("listResults", "200")),
          Map.entry("GET " + RESULTS + "/export", new Success("exportResults", "200")),
          Map.entry("GET " + RESULTS + "/counts", new Success("countResults", "200")),
          Map.entry(
              "POST " + RESULTS + "/{resultId}/corrections", new Success("correctResult", "201")),
          Map.entry(
              "GET " + RESULTS + "/{resultId}/history", new Success("getResultHistory", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/summaries/{analyte}", new Success("getSummary", "200")),
          Map.entry("GET /api/v1/trials/{trialId}/drift", new Success("getDrift", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/analysis", new Success("getAnalysisTable", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/crossover-analysis",
              new Success("getCrossoverAnalysis", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/missing-data", new Success("getMissingData", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/response", new Success("getResponseAnalysis", "200")),
          Map.entry("GET /api/v1/evidence", new Success("getEvidence", "200")),
          Map.entry(
              "GET /api/v1/trials/{trialId}/subgroups", new Success("getSubgroupAnalysis", "200")));

  /** The fields of a result row, as the ingestion tests send them in JSON, NDJSON and CSV. */
  private static final Set<String> ROW_FIELDS =
      Set.of(
          "participant",
          "visit",
          "sampleId",
          "specimen",
          "collectedAt",
          "analyte",
          "value",
          "unit",
          "comparator",
          "qcStatus",
          "assayMethod",
          "assayKit",
          "assayLot",
          "assayRun",
          "lloq",
          "uloq",
          "basis");

  private static final Set<String> REQUIRED_ROW_FIELDS =
      Set.of("participant", "visit", "sampleId", "collectedAt", "analyte", "value", "unit");

  private JsonNode document;

  // not @BeforeAll: before the first test the application is not up and RestAssured has no port
  @BeforeEach
  void readDocument() throws Exception {
    String json =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    document = new ObjectMapper().readTree(json);
  }

  @Test
  void everyOperationHasItsOperationIdAndSuccessResponse() {
    Map<String, Success> documented = new LinkedHashMap<>();
    List<String> withoutSuccess = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : operations(path.getValue())) {
        String key = method.getKey().toUpperCase() + " " + path.getKey();
        List<String> success =
            names(method.getValue().path("responses")).stream()
                .filter(code -> code.startsWith("2"))
                .toList();
        if (success.isEmpty()) {
          withoutSuccess.add(key);
        }
        documented.put(
            key,
            new Success(
                method.getValue().path("operationId").asText(null), String.join(",", success)));
      }
    }
    assertThat(withoutSuccess).as("operations without a 2xx response").isEmpty();
    assertThat(documented).isEqualTo(OPERATIONS);
  }

  @Test
  void resultsUploadDocumentsItsThreeFormatsAsText() {
    JsonNode post = operation("post", RESULTS);
    JsonNode content = post.path("requestBody").path("content");
    assertThat(post.path("requestBody").path("required").asBoolean()).isTrue();
    assertThat(names(content))
        .containsExactlyInAnyOrder("application/json", "application/x-ndjson", "text/csv");
    content.forEach(
        type -> assertThat(type.path("schema").path("format").asText()).isNotEqualTo("binary"));
    assertThat(content.path("application/x-ndjson").path("schema").path("type").asText())
        .isEqualTo("string");
    assertThat(content.path("text/csv").path("schema").path("type").asText()).isEqualTo("string");
    assertThat(content.path("text/csv").path("schema").path("description").asText())
        .contains(REQUIRED_ROW_FIELDS);

    // CSV first (generated clients send the first type); JSON an array of rows
    assertThat(content.fieldNames().next()).isEqualTo("text/csv");
    JsonNode array = content.path("application/json").path("schema");
    assertThat(array.path("type").asText()).isEqualTo("array");
    JsonNode row = resolve(array.path("items"));

    assertThat(names(row.path("properties"))).isEqualTo(ROW_FIELDS);
    assertThat(row.path("required"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrderElementsOf(REQUIRED_ROW_FIELDS);
    assertThat(row.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void resultsUploadAnswers201WithTheBatchAndItsLocation() {
    JsonNode created = operation("post", RESULTS).path("responses").path("201");
    assertThat(created.path("headers").has("Location")).isTrue();
    JsonNode batch = resolve(created.path("content").path("application/json").path("schema"));
    assertThat(names(batch.path("properties")))
        .contains("id", "trialId", "rows", "censored", "analytes", "visits");
    assertThat(parameterNames(operation("post", RESULTS))).contains("Idempotency-Key");
    // the statuses ResultIngestionTest, IdempotencyKeyTest and ResultQueryTest get from it
    assertThat(names(operation("post", RESULTS).path("responses")))
        .contains("201", "400", "404", "409", "413", "415", "422");
  }

  @Test
  void createdResourcesDocumentTheLocationTheyAnswerWith() {
    String analyte = uniqueCode("DOC");
    assertThat(
            as("curator")
                .body(analyte(analyte))
                .post("/api/v1/analytes")
                .then()
                .statusCode(201)
                .extract()
                .header("Location"))
        .endsWith("/api/v1/analytes/" + analyte);
    String panel = uniqueCode("DOCP");
    assertThat(
            as("curator")
                .body(Map.of("code", panel, "name", "Documented", "analytes", List.of("IL6")))
                .post("/api/v1/panels")
                .then()
                .statusCode(201)
                .extract()
                .header("Location"))
        .endsWith("/api/v1/panels/" + panel);
    // a batch's and a correction's Location: IdempotencyKeyTest, ResultCorrectionTest
    for (String created :
        List.of(
            "/api/v1/analytes", "/api/v1/panels", RESULTS, RESULTS + "/{resultId}/corrections")) {
      JsonNode headers = operation("post", created).path("responses").path("201").path("headers");
      assertThat(headers.has("Location")).as(created).isTrue();
    }
  }

  @Test
  void exportDocumentsItsFormatsAndFileName() {
    JsonNode ok = operation("get", RESULTS + "/export").path("responses").path("200");
    assertThat(ok.path("headers").has("Content-Disposition")).isTrue();
    JsonNode content = ok.path("content");
    assertThat(names(content))
        .containsExactlyInAnyOrder(
            "text/csv", "application/x-ndjson", "application/json", "application/fhir+ndjson");
    // the SDTM Dataset-JSON is one JSON document; FHIR NDJSON is text, a resource per line
    assertThat(content.path("application/json").path("schema").path("type").asText())
        .isEqualTo("object");
    assertThat(content.path("application/fhir+ndjson").path("schema").path("type").asText())
        .isEqualTo("string");
    assertThat(content.path("text/csv").path("schema").path("type").asText()).isEqualTo("string");
    // NDJSON is text to OpenAPI 3.1; each line (x-item-schema, OpenAPI 3.2's itemSchema) is a
    // result, as GET results lists them
    assertThat(content.path("application/x-ndjson").path("schema").path("type").asText())
        .isEqualTo("string");
    JsonNode line = resolve(content.path("application/x-ndjson").path("x-item-schema"));
    JsonNode listed =
        resolve(
            resolve(
                    operation("get", RESULTS)
                        .path("responses")
                        .path("200")
                        .path("content")
                        .path("application/json")
                        .path("schema"))
                .path("properties")
                .path("items")
                .path("items"));
    assertThat(line).isEqualTo(listed);
  }

  @Test
  void listsDocumentTheirItems() {
    JsonNode page =
        resolve(
            operation("get", RESULTS)
                .path("responses")
                .path("200")
                .path("content")
                .path("application/json")
                .path("schema"));
    assertThat(page.path("properties").path("items").path("type").asText()).isEqualTo("array");
    assertThat(
            resolve(page.path("properties").path("items").path("items"))
                .path("properties")
                .has("standardValue"))
        .isTrue();
    assertThat(page.path("properties").has("nextPageToken")).isTrue();
    assertThat(page.path("required")).extracting(JsonNode::asText).contains("items");
    assertThat(parameterNames(operation("get", RESULTS)))
        .contains("participant", "visit", "analyte", "pageToken", "pageSize");

    for (String[] list :
        List.of(
            new String[] {"/api/v1/analytes", "plausibleHigh"},
            new String[] {"/api/v1/panels", "analytes"})) {
      JsonNode schema =
          operation("get", list[0])
              .path("responses")
              .path("200")
              .path("content")
              .path("application/json")
              .path("schema");
      assertThat(schema.path("type").asText()).as(list[0]).isEqualTo("array");
      assertThat(resolve(schema.path("items")).path("properties").has(list[1])).isTrue();
    }
  }

  @Test
  void noRequestBodyIsDocumentedAsBinary() {
    List<String> binary = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> method : operations(path.getValue())) {
        for (Map.Entry<String, JsonNode> type :
            method.getValue().path("requestBody").path("content").properties()) {
          if ("binary".equals(type.getValue().path("schema").path("format").asText())) {
            binary.add(method.getKey() + " " + path.getKey() + " " + type.getKey());
          }
        }
      }
    }
    assertThat(binary).isEmpty();
  }

  /** The operations of a path item, without its other fields (such as parameters). */
  private static List<Map.Entry<String, JsonNode>> operations(JsonNode pathItem) {
    return pathItem.properties().stream().filter(e -> METHODS.contains(e.getKey())).toList();
  }

  private JsonNode operation(String method, String path) {
    JsonNode operation = document.path("paths").path(path).path(method);
    assertThat(operation.isMissingNode()).as(method + " " + path).isFalse();
    return operation;
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText("");
    if (ref.isEmpty()) {
      return schema;
    }
    assertThat(ref).startsWith("#/components/schemas/");
    JsonNode resolved =
        document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    assertThat(resolved.isMissingNode()).as(ref).isFalse();
    return resolved;
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> parameterNames(JsonNode operation) {
    Set<String> names = new TreeSet<>();
    operation.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
