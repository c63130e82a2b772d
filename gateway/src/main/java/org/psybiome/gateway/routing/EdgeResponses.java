package org.psybiome.gateway.routing;

import io.vertx.core.json.JsonObject;

/**
 * What the gateway itself may answer for any operation of the merged document, whoever serves it:
 * the edge's rate limit (429) and, for an operation a service serves, a service that cannot be
 * reached or whose circuit is open (503); then, for a read, one that does not answer in time (504),
 * and for a write, one that received it but did not answer (502 outcome-unknown: {@link ApiProxy}).
 * Operations keep their own description of a status when they have one; a 503 a service documents
 * for its database is widened to say the gateway answers it too.
 */
final class EdgeResponses {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  private EdgeResponses() {}

  /**
   * Completes {@code operation} (for HTTP {@code method}, lower case as the document names it) of
   * the merged document; {@code proxied}: a service serves it.
   */
  static void addTo(String method, JsonObject operation, boolean proxied) {
    JsonObject responses = operation.getJsonObject("responses");
    if (responses == null) {
      responses = new JsonObject();
      operation.put("responses", responses);
    }
    addIfAbsent(
        responses,
        "429",
        "Too many requests from this caller (the gateway's rate limit); retry after Retry-After",
        true);
    if (!proxied) {
      return;
    }
    JsonObject unavailable = responses.getJsonObject("503");
    if (unavailable == null) {
      addIfAbsent(responses, "503", "The service cannot be reached just now", true);
    } else {
      unavailable.put(
          "description",
          unavailable.getString("description", "")
              + " Also from the gateway when the service cannot be reached, or is not tried for a"
              + " while after failing repeatedly.");
    }
    if (method.equals("get") || method.equals("head") || method.equals("options")) {
      addIfAbsent(responses, "504", "The service did not answer in time", false);
    } else {
      addIfAbsent(
          responses,
          "502",
          "The outcome is unknown (type https://psybiome.org/problems/outcome-unknown): the"
              + " service received the request but the connection closed, or the gateway stopped"
              + " waiting, before it answered, so it may have applied it. Do not send it again as"
              + " a new request: retry with the same Idempotency-Key, or read the resource first",
          false);
    }
  }

  private static void addIfAbsent(
      JsonObject responses, String status, String description, boolean retryAfter) {
    if (responses.containsKey(status)) {
      return;
    }
    JsonObject headers =
        new JsonObject()
            .put(
                "X-Correlation-Id",
                new JsonObject().put("$ref", "#/components/headers/X-Correlation-Id"));
    if (retryAfter) {
      headers.put("Retry-After", new JsonObject().put("$ref", "#/components/headers/Retry-After"));
    }
    responses.put(
        status,
        new JsonObject()
            .put("description", description)
            .put("headers", headers)
            .put(
                "content",
                new JsonObject()
                    .put(
                        "application/problem+json",
                        new JsonObject()
                            .put("schema", new JsonObject().put("$ref", PROBLEM_REF)))));
  }
}
