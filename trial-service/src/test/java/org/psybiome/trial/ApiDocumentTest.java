package org.psybiome.trial;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API document says what the service does: clients are generated from it, so each fact checked
 * here is one the service's behaviour fixes (statuses, headers and bodies its resources send).
 */
@QuarkusTest
class ApiDocumentTest {

  private static final String JSON = "application/json";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private Map<String, Object> document;

  @BeforeEach
  void readDocument() {
    document =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("$");
  }

  @Test
  void everyOperationHasAUniqueIdAndASuccessResponseWithABody() {
    Map<String, Object> paths = map(document, "paths");
    List<String> ids = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            map(item)
                .forEach(
                    (method, value) -> {
                      if (!METHODS.contains(method)) {
                        return;
                      }
                      String where = method.toUpperCase() + " " + path;
                      Map<String, Object> operation = map(value);
                      assertThat((String) operation.get("operationId"))
                          .as("operationId of %s", where)
                          .isNotBlank();
                      ids.add((String) operation.get("operationId"));
                      // every operation of this service answers success with a JSON body
                      // (application/json, a JSON type such as application/fhir+json, or JSON
                      // lines: the many-study import's progress)
                      Map<String, Object> responses = map(operation, "responses");
                      assertThat(responses.keySet())
                          .as("responses of %s", where)
                          .anyMatch(code -> code.startsWith("2"));
                      responses.forEach(
                          (code, response) -> {
                            if (code.startsWith("2")) {
                              Map<String, Object> content = map(map(response), "content");
                              assertThat(content.keySet())
                                  .as("%s %s media types", where, code)
                                  .isNotEmpty()
                                  .allMatch(
                                      t ->
                                          t.equals(JSON)
                                              || t.endsWith("+json")
                                              || t.equals("application/x-ndjson"));
                              content.forEach(
                                  (type, media) ->
                                      assertThat(map(media))
                                          .as("%s %s %s body schema", where, code, type)
                                          .containsKey("schema"));
                            }
                          });
                    }));
    assertThat(ids).hasSize(18).doesNotHaveDuplicates();
    assertThat(new HashSet<>(ids))
        .containsExactlyInAnyOrder(
            "listTrials",
            "getTrial",
            "createTrial",
            "replaceTrial",
            "changeTrialStatus",
            "unblindTrial",
            "listTrialVersions",
            "getTrialVersion",
            "diffTrialVersions",
            "listTrialAudit",
            "exportTrial",
            "importClinicalTrialsGov",
            "unblindParticipant",
            "changeParticipantFollowUp",
            "getConsortFlow",
            "logScreening",
            "enrolParticipant",
            "listParticipants");
  }

  @Test
  void enrolmentAnswers201WithTheParticipant() {
    Map<String, Object> responses = responses("/api/v1/trials/{id}/participants", "post");
    assertThat(responses).doesNotContainKey("200");
    assertThat(schemaRef(responses, "201")).isEqualTo("#/components/schemas/ParticipantView");
    assertThat(responses).containsKeys("409");
  }

  @Test
  void changesRequireIfMatch() {
    for (String[] operation :
        new String[][] {
          {"/api/v1/trials/{id}", "put"},
          {"/api/v1/trials/{id}/status", "post"},
          {"/api/v1/trials/{id}/unblinding", "post"}
        }) {
      Map<String, Object> ifMatch =
          list(map(map(document, "paths"), operation[0]), operation[1], "parameters").stream()
              .map(ApiDocumentTest::map)
              .filter(p -> "header".equals(p.get("in")) && "If-Match".equals(p.get("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no If-Match on " + operation[0]));
      String where = String.join(" ", operation);
      assertThat(ifMatch.get("required")).as("If-Match of %s", where).isEqualTo(true);
      assertThat(responses(operation[0], operation[1])).containsKeys("412", "428");
      assertThat(headers(responses(operation[0], operation[1]), "200")).containsKey("ETag");
    }
  }

  @Test
  void readingATrialAnswersTheTrialViewWithItsEtag() {
    Map<String, Object> responses = responses("/api/v1/trials/{id}", "get");
    // the gateway's overview refers to this schema by name
    assertThat(schemaRef(responses, "200")).isEqualTo("#/components/schemas/TrialView");
    assertThat(headers(responses, "200")).containsKey("ETag");
    Map<String, Object> trialView = map(map(map(document, "components"), "schemas"), "TrialView");
    assertThat(map(trialView, "properties")).containsKeys("id", "status", "version", "publicTitle");
    assertThat(list(trialView, "required")).contains("id", "consortium", "status", "version");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theSearchDocumentsEveryInterventionTypeARecordMayHave() {
    // the record's types are the names its JSON reader accepts; the search accepts the same
    List<String> recordTypes =
        java.util.Arrays.stream(
                org.psybiome.trial.model.Intervention.class
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class)
                    .value())
            .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
            .toList();
    Map<String, Object> search = map(map(map(document, "paths"), "/api/v1/trials"), "get");
    Map<String, Object> parameter =
        ((List<Map<String, Object>>) search.get("parameters"))
            .stream()
                .filter(p -> "interventionType".equals(p.get("name")))
                .findFirst()
                .orElseThrow();
    assertThat(list(map(parameter, "schema"), "enum"))
        .containsExactlyInAnyOrderElementsOf(recordTypes);
  }

  @Test
  void exportingATrialAnswersInTheMediaTypeOfEachFormatOffered() {
    Map<String, Object> operation =
        map(map(map(document, "paths"), "/api/v1/trials/{id}/export"), "get");
    Map<String, Object> format =
        list(operation, "parameters").stream()
            .map(ApiDocumentTest::map)
            .filter(p -> "query".equals(p.get("in")) && "format".equals(p.get("name")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no format parameter"));
    assertThat(format.get("required")).isEqualTo(true);
    assertThat(list(map(format, "schema"), "enum"))
        .containsExactly("fhir-r4", "ctgov-v2", "who-trds");
    Map<String, Object> responses = map(operation, "responses");
    Map<String, Object> content = map(map(responses, "200"), "content");
    // FHIR, ClinicalTrials.gov's study and the WHO TRDS are not modelled here: objects, described
    assertThat(content).containsOnlyKeys("application/fhir+json", "application/json");
    Map<String, Object> schema = map(map(content, "application/fhir+json"), "schema");
    assertThat(schema.get("type")).isEqualTo("object");
    assertThat((String) schema.get("description")).contains("ResearchStudy");
    Map<String, Object> json = map(map(content, "application/json"), "schema");
    assertThat(json.get("type")).isEqualTo("object");
    assertThat((String) json.get("description")).contains("ctgov-v2", "who-trds");
    assertThat(headers(responses, "200")).containsKey("ETag");
    assertThat(responses).containsKeys("400", "404");
  }

  @Test
  void creatingATrialAnswers201WithLocationAndEtag() {
    Map<String, Object> responses = responses("/api/v1/trials", "post");
    assertThat(responses).doesNotContainKey("200");
    assertThat(schemaRef(responses, "201")).isEqualTo("#/components/schemas/TrialView");
    assertThat(headers(responses, "201")).containsKeys("Location", "ETag");
  }

  @Test
  void replacingATrialTakesTheRecordAndAChangeReason() {
    Map<String, Object> body =
        map(
            map(
                map(map(map(map(document, "paths"), "/api/v1/trials/{id}"), "put"), "requestBody"),
                "content"),
            JSON);
    String ref = (String) map(body, "schema").get("$ref");
    Map<String, Object> schema =
        map(map(map(document, "components"), "schemas"), ref.substring(ref.lastIndexOf('/') + 1));
    assertThat(schema.get("allOf").toString()).contains("#/components/schemas/TrialContent");
    assertThat(map(schema, "properties")).containsKey("changeReason");
  }

  private Map<String, Object> responses(String path, String method) {
    return map(map(map(map(document, "paths"), path), method), "responses");
  }

  private static String schemaRef(Map<String, Object> responses, String code) {
    return (String) map(map(map(map(responses, code), "content"), JSON), "schema").get("$ref");
  }

  private static Map<String, Object> headers(Map<String, Object> responses, String code) {
    return map(map(responses, code), "headers");
  }

  private static List<Object> list(Map<String, Object> item, String method, String key) {
    return list(map(item, method), key);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return map(value);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
