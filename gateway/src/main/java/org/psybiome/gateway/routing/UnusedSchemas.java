package org.psybiome.gateway.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Drops the component schemas no operation reaches. A service's document can hold types its
 * framework declared along the way; a client generated from the merged document must get only the
 * API's own.
 */
final class UnusedSchemas {

  private static final String PREFIX = "#/components/schemas/";

  private UnusedSchemas() {}

  static void removeFrom(JsonObject document) {
    JsonObject components = document.getJsonObject("components", new JsonObject());
    JsonObject schemas = components.getJsonObject("schemas");
    if (schemas == null) {
      return;
    }
    Set<String> reached = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>();
    JsonObject outsideSchemas = components.copy();
    outsideSchemas.remove("schemas");
    collect(document.getJsonObject("paths", new JsonObject()), pending);
    collect(outsideSchemas, pending);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (reached.add(name) && schemas.getValue(name) != null) {
        collect(schemas.getValue(name), pending);
      }
    }
    schemas.fieldNames().removeIf(name -> !reached.contains(name));
  }

  private static void collect(Object node, Deque<String> into) {
    if (node instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        Object value = object.getValue(key);
        if ("$ref".equals(key) && value instanceof String ref && ref.startsWith(PREFIX)) {
          into.push(ref.substring(PREFIX.length()));
        } else {
          collect(value, into);
        }
      }
    } else if (node instanceof JsonArray array) {
      array.forEach(item -> collect(item, into));
    }
  }
}
