package org.psybiome.testsupport.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checker must refuse what a generated client would trip over, in an OpenAPI 3.1 document (type
 * arrays, {@code examples}, {@code $ref} to components, headers by reference).
 */
class ResponseContractTest {

  private static final String DOCUMENT =
      """
      {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
          "/things/{id}": {
            "get": {
              "operationId": "getThing",
              "responses": {
                "200": {
                  "description": "the thing",
                  "headers": {"ETag": {"$ref": "#/components/headers/ETag"},
                              "Retry-After": {"schema": {"type": "integer"}}},
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}
                },
                "4XX": {
                  "description": "a problem",
                  "content": {"application/problem+json": {"schema": {"type": "object",
                      "required": ["status"], "properties": {"status": {"type": "integer"}}}}}
                }
              }
            }
          },
          "/things/special": {
            "get": {"operationId": "special", "responses": {"204": {"description": "nothing"}}}
          },
          "/things": {
            "get": {"operationId": "exportThings", "responses": {"200": {"description": "lines",
              "content": {"application/x-ndjson": {"schema": {"type": "string"},
                                                   "x-item-schema": {"$ref": "#/components/schemas/Thing"}},
                          "text/csv": {"schema": {"type": "string"}}}}}}
          }
        },
        "components": {
          "headers": {"ETag": {"required": true, "schema": {"type": "string"}}},
          "schemas": {"Thing": {
            "type": "object", "required": ["id"],
            "properties": {"id": {"type": "string"},
                           "count": {"type": ["integer", "null"], "examples": [3]},
                           "seen": {"type": "string", "format": "date-time"}}}}}
      }
      """;

  private final ResponseContract contract = ResponseContract.of(DOCUMENT);

  @Test
  void aDocumentedResponseIsAccepted() {
    assertThat(get("/things/a", 200, "application/json", "{\"id\":\"a\",\"count\":null}"))
        .isEmpty();
    assertThat(get("/things/a", 404, "application/problem+json", "{\"status\":404}")).isEmpty();
    assertThat(get("/things/special", 204, null, "")).isEmpty();
    assertThat(get("/things", 200, "text/csv", "id\na\n")).isEmpty();
  }

  @Test
  void anUndeclaredStatusIsRefused() {
    assertThat(get("/things/a", 500, "application/problem+json", "{\"status\":500}"))
        .singleElement()
        .asString()
        .contains("declares no such status");
  }

  @Test
  void anUndocumentedFieldIsRefused() {
    assertThat(get("/things/a", 200, "application/json", "{\"id\":\"a\",\"colour\":\"red\"}"))
        .singleElement()
        .asString()
        .contains("colour");
  }

  @Test
  void aMissingRequiredFieldAWrongTypeOrABadFormatIsRefused() {
    assertThat(get("/things/a", 200, "application/json", "{\"count\":2}")).hasSize(1);
    assertThat(get("/things/a", 200, "application/json", "{\"id\":\"a\",\"count\":\"two\"}"))
        .hasSize(1);
    assertThat(get("/things/a", 200, "application/json", "{\"id\":\"a\",\"seen\":\"yesterday\"}"))
        .hasSize(1);
  }

  @Test
  void aMissingRequiredHeaderOrANonNumericOneIsRefused() {
    assertThat(
            contract.check(
                "GET", "/things/a", 200, "application/json", h -> null, "{\"id\":\"a\"}"))
        .singleElement()
        .asString()
        .contains("ETag");
    Map<String, String> headers = Map.of("ETag", "\"1\"", "Retry-After", "soon");
    assertThat(
            contract.check(
                "GET", "/things/a", 200, "application/json", headers::get, "{\"id\":\"a\"}"))
        .singleElement()
        .asString()
        .contains("Retry-After");
  }

  @Test
  void anUndeclaredContentTypeOrAnUnexpectedBodyIsRefused() {
    assertThat(get("/things/a", 200, "text/plain", "a"))
        .singleElement()
        .asString()
        .contains("text/plain");
    assertThat(get("/things/special", 204, "application/json", "{}")).hasSize(1);
  }

  @Test
  void eachNdjsonLineIsCheckedAgainstTheSchema() {
    assertThat(get("/things", 200, "application/x-ndjson", "{\"id\":\"a\"}\n{\"id\":\"b\"}\n"))
        .isEmpty();
    assertThat(get("/things", 200, "application/x-ndjson", "{\"id\":\"a\"}\n{\"count\":1}\n"))
        .singleElement()
        .asString()
        .contains("line 2");
  }

  @Test
  void aLiteralPathWinsOverATemplateAndUnknownPathsAreNotChecked() {
    // "/things/special" is its own operation (204), not getThing with id "special".
    assertThat(get("/things/special", 200, "application/json", "{\"id\":\"a\"}")).hasSize(1);
    assertThat(get("/q/health", 200, "application/json", "{}")).isEmpty();
  }

  private List<String> get(String path, int status, String type, String body) {
    return contract.check("GET", path, status, type, Map.of("ETag", "\"1\"")::get, body);
  }
}
