package org.psybiome.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The small OpenAPI documents the stand-in services serve: different paths and schemas each. */
final class OpenApiDocuments {

  private OpenApiDocuments() {}

  static JsonObject of(String service) {
    return service.equals("trial-service") ? trialService() : biomarkerService();
  }

  private static JsonObject trialService() {
    return document(
        new JsonObject()
            .put("/api/v1/trials", operation("Trials", "Trial"))
            .put("/api/v1/trials/{id}", operation("Trials", "Trial")),
        new JsonObject().put("Trial", object("registryId")).put("Problem", object("type")),
        "Trials");
  }

  private static JsonObject biomarkerService() {
    return document(
        new JsonObject()
            .put("/api/v1/analytes", operation("Analytes", "Analyte"))
            .put("/api/v1/trials/{id}/results", operation("Results", "Analyte"))
            // a service's own endpoint, not routed by the gateway: left out of the merge
            .put("/q/health", operation("Analytes", "Analyte")),
        // the same name with another shape: the first service's is kept
        new JsonObject().put("Analyte", object("code")).put("Problem", object("title")),
        "Analytes");
  }

  private static JsonObject document(JsonObject paths, JsonObject schemas, String tag) {
    return new JsonObject()
        .put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "stand-in").put("version", "1"))
        .put("tags", new JsonArray().add(new JsonObject().put("name", tag)))
        .put("paths", paths)
        .put("components", new JsonObject().put("schemas", schemas));
  }

  private static JsonObject operation(String tag, String schema) {
    return new JsonObject()
        .put(
            "get",
            new JsonObject()
                .put("tags", new JsonArray().add(tag))
                .put(
                    "responses",
                    new JsonObject()
                        .put(
                            "200",
                            new JsonObject()
                                .put("description", "OK")
                                .put(
                                    "content",
                                    new JsonObject()
                                        .put(
                                            "application/json",
                                            new JsonObject()
                                                .put(
                                                    "schema",
                                                    new JsonObject()
                                                        .put(
                                                            "$ref",
                                                            "#/components/schemas/" + schema)))))));
  }

  private static JsonObject object(String property) {
    return new JsonObject()
        .put("type", "object")
        .put("properties", new JsonObject().put(property, new JsonObject().put("type", "string")));
  }
}
