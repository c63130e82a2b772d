package org.psybiome.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.psybiome.gateway.model.Upstream;

/**
 * Merges the services' OpenAPI documents into the one document of the public API: their paths (only
 * those the gateway routes to that service), component schemas and the rest of {@code components},
 * and tags; declares the bearer token scheme and names the gateway as the server. Names are not
 * prefixed: a schema name used by two services is kept from the first and the clash is logged. A
 * service whose document is missing is named in the description and in {@code
 * x-psybiome-missing-services}, and the rest is still served.
 */
public class OpenApiMerger {

  public static final String MISSING_SERVICES = "x-psybiome-missing-services";
  public static final String SECURITY_SCHEME = "bearerToken";

  /** MAJOR.MINOR: the URL's major version, and the releases that added to it (api-versioning). */
  public static final String API_VERSION = "1.1";

  private static final Set<String> HTTP_METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static final String DESCRIPTION =
      "The one public API of Psybiome, the registry of psychobiotic RCTs and their biomarker data."
          + " Registered trials and the analyte catalogue are public; everything else needs a"
          + " bearer token.";

  private final RouteTable routes;

  /** Clashes already logged: the document is merged again every minute, the log says it once. */
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  public OpenApiMerger(RouteTable routes) {
    this.routes = routes;
  }

  /**
   * @param documents each service's document, empty when it could not be fetched, in the order in
   *     which clashes are decided
   * @param serverUrl where clients reach the API: the gateway
   */
  public JsonObject merge(Map<Upstream, Optional<JsonObject>> documents, String serverUrl) {
    return merge(Optional.empty(), documents, serverUrl);
  }

  /**
   * @param gateway the gateway's own document: the paths it serves itself (overview, event feed)
   *     come first, then the services'
   */
  public JsonObject merge(
      Optional<JsonObject> gateway,
      Map<Upstream, Optional<JsonObject>> documents,
      String serverUrl) {
    JsonObject paths = new JsonObject();
    JsonObject components = new JsonObject();
    JsonArray tags = new JsonArray();
    JsonArray missing = new JsonArray();
    String openapiVersion = null;

    if (gateway.isPresent()) {
      JsonObject own = gateway.get();
      JsonObject ownPaths = own.getJsonObject("paths", new JsonObject());
      for (String path : ownPaths.fieldNames()) {
        if (routes.servedByGateway(path.replaceAll("\\{[^/}]+}", "x"))) {
          JsonObject item = ownPaths.getJsonObject(path).copy();
          operations(item)
              .forEach((method, operation) -> EdgeResponses.addTo(method, operation, false));
          paths.put(path, item);
        }
      }
      mergeTags(tags, own.getJsonArray("tags", new JsonArray()));
    }

    for (var entry : documents.entrySet()) {
      Upstream upstream = entry.getKey();
      if (entry.getValue().isEmpty()) {
        missing.add(upstream.serviceName());
        continue;
      }
      JsonObject document = entry.getValue().get();
      if (openapiVersion == null) {
        openapiVersion = document.getString("openapi");
      }
      mergePaths(paths, document.getJsonObject("paths", new JsonObject()), upstream);
      mergeComponents(components, document.getJsonObject("components", new JsonObject()), upstream);
      mergeTags(tags, document.getJsonArray("tags", new JsonArray()));
    }

    // The gateway's own components come last: where it names a service's type (the overview's
    // TrialView) with a stand-in of its own, the service's real schema is the one kept.
    gateway.ifPresent(
        own ->
            mergeComponents(components, own.getJsonObject("components", new JsonObject()), null));

    JsonObject schemes = components.getJsonObject("securitySchemes", new JsonObject());
    schemes.put(
        SECURITY_SCHEME,
        new JsonObject()
            .put("type", "http")
            .put("scheme", "bearer")
            .put("bearerFormat", "JWT")
            .put("description", "A JWT with sub, groups (roles) and consortium"));
    components.put("securitySchemes", schemes);

    JsonObject document =
        new JsonObject()
            .put("openapi", openapiVersion == null ? "3.1.0" : openapiVersion)
            .put(
                "info",
                new JsonObject()
                    .put("title", "Psybiome API")
                    .put("version", API_VERSION)
                    .put("description", description(missing)))
            .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)))
            .put("tags", tags)
            .put("paths", paths)
            .put("components", components)
            .put(MISSING_SERVICES, missing);
    UnusedSchemas.removeFrom(document);
    return document;
  }

  /** The operations of {@code pathItem} by their HTTP method (lower case). */
  private static Map<String, JsonObject> operations(JsonObject pathItem) {
    Map<String, JsonObject> operations = new LinkedHashMap<>();
    pathItem.fieldNames().stream()
        .filter(HTTP_METHODS::contains)
        .forEach(method -> operations.put(method, pathItem.getJsonObject(method)));
    return operations;
  }

  private void mergePaths(JsonObject merged, JsonObject paths, Upstream upstream) {
    for (String path : paths.fieldNames()) {
      if (routes.servedByGateway(path.replaceAll("\\{[^/}]+}", "x"))) {
        // The gateway composes it (the CONSORT flow) from what the service answers there.
        Log.debugf("%s documents %s, which the gateway serves itself", upstream, path);
      } else if (!routes.ownerOf(path).equals(Optional.of(upstream))) {
        // Documented but not routed there by the gateway (e.g. a service's /q endpoints).
        Log.debugf("%s documents %s, which the gateway does not route to it", upstream, path);
      } else if (merged.containsKey(path)) {
        if (reported.add("paths." + path)) {
          Log.warnf("%s documents %s again; the first is kept", upstream.serviceName(), path);
        }
      } else {
        JsonObject item = paths.getJsonObject(path).copy();
        operations(item)
            .forEach((method, operation) -> EdgeResponses.addTo(method, operation, true));
        merged.put(path, item);
      }
    }
  }

  private void mergeComponents(JsonObject merged, JsonObject components, Upstream upstream) {
    for (String kind : components.fieldNames()) {
      if (!(components.getValue(kind) instanceof JsonObject named)) {
        continue;
      }
      JsonObject into = merged.getJsonObject(kind);
      if (into == null) {
        into = new JsonObject();
        merged.put(kind, into);
      }
      for (String name : named.fieldNames()) {
        if (!into.containsKey(name)) {
          into.put(name, named.getValue(name));
        } else if (!into.getValue(name).equals(named.getValue(name))
            && reported.add(kind + "." + name)) {
          Log.warnf(
              "components.%s.%s of %s clashes with another service's; the first is kept",
              kind, name, upstream == null ? "the gateway" : upstream.serviceName());
        }
      }
    }
  }

  private static void mergeTags(JsonArray merged, JsonArray tags) {
    for (Object tag : tags) {
      if (tag instanceof JsonObject named && !hasTag(merged, named.getString("name"))) {
        merged.add(named);
      }
    }
  }

  private static boolean hasTag(JsonArray tags, String name) {
    return tags.stream()
        .anyMatch(
            tag -> tag instanceof JsonObject t && String.valueOf(name).equals(t.getString("name")));
  }

  private static String description(JsonArray missing) {
    if (missing.isEmpty()) {
      return DESCRIPTION;
    }
    List<String> names = missing.stream().map(String::valueOf).toList();
    return DESCRIPTION
        + "\n\n**Incomplete:** the documents of "
        + String.join(", ", names)
        + " could not be fetched just now, so their paths are missing; the gateway tries again"
        + " every minute.";
  }
}
