package org.psybiome.biomarker.service.events;

import com.fasterxml.jackson.databind.JsonNode;

/** Required fields of event data; a missing one makes the event malformed. */
final class Fields {

  private Fields() {}

  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual() || value.asText().isBlank()) {
      throw new MalformedEventException("missing text field " + field);
    }
    return value.asText();
  }

  static int integer(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw new MalformedEventException("missing integer field " + field);
    }
    return value.asInt();
  }
}
