package org.psybiome.devtools.apidoc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed form of the API document, and where two documents differ. */
class ApiDocumentsTest {

  @Test
  void servedDocumentInCommittedForm() {
    String served =
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Psybiome API\",\"version\":\"1\"},"
            + "\"servers\":[{\"url\":\"/\"}],\"tags\":[],"
            + "\"paths\":{\"/api/v1/analytes\":{\"get\":{\"parameters\":[{\"name\":\"layer\","
            + "\"in\":\"query\",\"schema\":{\"type\":\"string\"}}],\"responses\":{}}}},"
            + "\"components\":{\"schemas\":{\"Analyte\":{\"type\":\"object\",\"properties\":"
            + "{\"molarMass\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"examples\":[180.16]},"
            + "\"unit\":{\"examples\":[\"µg/dL\"]}}}}},"
            + "\"x-psybiome-missing-services\":[]}";
    String expected =
        """
        {
          "openapi": "3.1.0",
          "info": {
            "title": "Psybiome API",
            "version": "1"
          },
          "servers": [
            {
              "url": "http://127.0.0.1:8080",
              "description": "the local stack of ./psybiome up; a deployment names its own"
            }
          ],
          "tags": [],
          "paths": {
            "/api/v1/analytes": {
              "get": {
                "parameters": [
                  {
                    "name": "layer",
                    "in": "query",
                    "schema": {
                      "type": "string"
                    }
                  }
                ],
                "responses": {}
              }
            }
          },
          "components": {
            "schemas": {
              "Analyte": {
                "type": "object",
                "properties": {
                  "molarMass": {
                    "type": "number",
                    "exclusiveMinimum": 0,
                    "examples": [
                      180.16
                    ]
                  },
                  "unit": {
                    "examples": [
                      "µg/dL"
                    ]
                  }
                }
              }
            }
          }
        }
        """;
    assertEquals(expected, ApiDocuments.normalise(served));
    assertEquals(expected, ApiDocuments.normalise(expected), "the committed form is a fixed point");
  }

  @Test
  void aDocumentWithoutServersGetsThemAfterInfo() {
    String expected =
        """
        {
          "openapi": "3.1.0",
          "info": {},
          "servers": [
            {
              "url": "http://127.0.0.1:8080",
              "description": "the local stack of ./psybiome up; a deployment names its own"
            }
          ],
          "paths": {}
        }
        """;
    assertEquals(
        expected, ApiDocuments.normalise("{\"openapi\":\"3.1.0\",\"info\":{},\"paths\":{}}"));
  }

  @Test
  void refusesADocumentTheGatewayCouldNotMergeWhole() {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ApiDocuments.normalise(
                    "{\"openapi\":\"3.1.0\",\"x-psybiome-missing-services\":[\"biomarker-service\"]}"));
    assertTrue(missing.getMessage().contains("biomarker-service"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ApiDocuments.normalise("[1, 2]"));
    assertThrows(IllegalArgumentException.class, () -> ApiDocuments.normalise("{\"openapi\":"));
  }

  @Test
  void differencesAreJsonPointers() {
    String committed =
        "{\"paths\":{\"/api/v1/trials\":{\"get\":{\"operationId\":\"listTrials\"}}},"
            + "\"tags\":[\"a\",\"b\"],\"x~y\":1}";
    String served =
        "{\"paths\":{\"/api/v1/trials\":{\"get\":{\"operationId\":\"searchTrials\"},"
            + "\"post\":{}}},\"tags\":[\"a\"],\"x~y\":1}";
    assertEquals(
        List.of(
            "/paths/~1api~1v1~1trials/get/operationId", "/paths/~1api~1v1~1trials/post", "/tags/1"),
        ApiDocuments.differences(committed, served));
    assertEquals(List.of("/x~0y"), ApiDocuments.differences("{\"x~y\":1}", "{\"x~y\":2}"));
    assertEquals(
        List.of(), ApiDocuments.differences("{\"a\": [1]}", "{\n  \"a\": [\n    1\n  ]\n}"));
  }
}
