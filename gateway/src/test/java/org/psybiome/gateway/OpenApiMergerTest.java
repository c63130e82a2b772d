package org.psybiome.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.gateway.model.Upstream;
import org.psybiome.gateway.routing.OpenApiMerger;
import org.psybiome.gateway.routing.RouteTable;

class OpenApiMergerTest {

  private final OpenApiMerger merger = new OpenApiMerger(new RouteTable());

  @Test
  void clashingSchemaNamesKeepTheFirstServicesSchema() {
    Map<Upstream, Optional<JsonObject>> documents = new LinkedHashMap<>();
    documents.put(Upstream.TRIAL_SERVICE, Optional.of(OpenApiDocuments.of("trial-service")));
    documents.put(
        Upstream.BIOMARKER_SERVICE, Optional.of(OpenApiDocuments.of("biomarker-service")));

    JsonObject merged = merger.merge(documents, "https://api.psybiome.org");

    JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
    assertEquals(
        Optional.of("type"),
        schemas.getJsonObject("Problem").getJsonObject("properties").fieldNames().stream()
            .findFirst());
    assertEquals(
        "https://api.psybiome.org",
        merged.getJsonArray("servers").getJsonObject(0).getString("url"));
    assertTrue(merged.getJsonArray(OpenApiMerger.MISSING_SERVICES).isEmpty());
  }

  @Test
  void aMissingServiceIsNamedAndTheOthersPathsKept() {
    Map<Upstream, Optional<JsonObject>> documents = new LinkedHashMap<>();
    documents.put(Upstream.TRIAL_SERVICE, Optional.empty());
    documents.put(
        Upstream.BIOMARKER_SERVICE, Optional.of(OpenApiDocuments.of("biomarker-service")));

    JsonObject merged = merger.merge(documents, "/");

    assertEquals("trial-service", merged.getJsonArray(OpenApiMerger.MISSING_SERVICES).getString(0));
    assertTrue(merged.getJsonObject("info").getString("description").contains("trial-service"));
    assertTrue(merged.getJsonObject("paths").containsKey("/api/v1/analytes"));
    assertTrue(
        merged
            .getJsonObject("components")
            .getJsonObject("securitySchemes")
            .containsKey(OpenApiMerger.SECURITY_SCHEME));
  }

  @Test
  void everyServedOperationDocumentsTheEdgesAnswersAndNoStraySchemaIsKept() {
    JsonObject trialService = OpenApiDocuments.of("trial-service");
    trialService
        .getJsonObject("components")
        .getJsonObject("schemas")
        .put("RoutingContext", new JsonObject().put("type", "object"));
    JsonObject trials = trialService.getJsonObject("paths").getJsonObject("/api/v1/trials");
    trials.put("post", trials.getJsonObject("get").copy());
    Map<Upstream, Optional<JsonObject>> documents = new LinkedHashMap<>();
    documents.put(Upstream.TRIAL_SERVICE, Optional.of(trialService));
    documents.put(
        Upstream.BIOMARKER_SERVICE, Optional.of(OpenApiDocuments.of("biomarker-service")));

    JsonObject merged = merger.merge(documents, "/");

    JsonObject responses =
        merged
            .getJsonObject("paths")
            .getJsonObject("/api/v1/trials")
            .getJsonObject("get")
            .getJsonObject("responses");
    assertEquals(java.util.Set.of("200", "429", "503", "504"), responses.fieldNames());
    // a write the service may have applied is a 502, never a 504 (ApiProxy, UpstreamFailureTest)
    JsonObject writeResponses =
        merged
            .getJsonObject("paths")
            .getJsonObject("/api/v1/trials")
            .getJsonObject("post")
            .getJsonObject("responses");
    assertEquals(java.util.Set.of("200", "429", "502", "503"), writeResponses.fieldNames());
    JsonObject outcomeUnknown = writeResponses.getJsonObject("502");
    assertTrue(outcomeUnknown.getString("description").contains("outcome-unknown"));
    assertTrue(outcomeUnknown.getString("description").contains("same Idempotency-Key"));
    assertEquals(
        "#/components/schemas/Problem",
        outcomeUnknown
            .getJsonObject("content")
            .getJsonObject("application/problem+json")
            .getJsonObject("schema")
            .getString("$ref"));
    assertFalse(
        outcomeUnknown.getJsonObject("headers").containsKey("Retry-After"),
        "no Retry-After: a blind retry is what the 502 warns against");
    assertEquals(
        "#/components/headers/Retry-After",
        responses
            .getJsonObject("429")
            .getJsonObject("headers")
            .getJsonObject("Retry-After")
            .getString("$ref"));
    assertEquals(
        java.util.Set.of("Trial", "Analyte", "Problem"),
        merged.getJsonObject("components").getJsonObject("schemas").fieldNames());
    assertEquals("1.1", merged.getJsonObject("info").getString("version"));
  }
}
