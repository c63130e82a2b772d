package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a subtree of the document into a record with Jackson, then consumes exactly what the record
 * captured: the record is written back to JSON and compared with the subtree leaf by leaf, so a
 * property the record does not have (or holds otherwise) stays unmapped. Used for the results
 * modules, whose records use ClinicalTrials.gov's own property names.
 */
final class CapturedRead {

  private CapturedRead() {}

  /** The subtree at {@code pointer} as {@code type}; null when absent or unreadable (unmapped). */
  static <T> T read(
      ObjectMapper json, DocumentReader reader, String pointer, JavaType type, String field) {
    JsonNode node = reader.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    T value;
    try {
      value = json.convertValue(node, type);
    } catch (IllegalArgumentException e) {
      reader.warn(
          field,
          "ClinicalTrials.gov's "
              + pointer
              + " could not be read into the record ("
              + e.getMessage().lines().findFirst().orElse("")
              + "): left unmapped");
      return null;
    }
    consumeCaptured(node, json.valueToTree(value), pointer, reader);
    return value;
  }

  private static void consumeCaptured(
      JsonNode original, JsonNode written, String pointer, DocumentReader reader) {
    if (original.isObject() && original.size() > 0) {
      var fields = original.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        consumeCaptured(
            field.getValue(),
            written.path(field.getKey()),
            DocumentReader.child(pointer, field.getKey()),
            reader);
      }
    } else if (original.isArray() && original.size() > 0) {
      for (int i = 0; i < original.size(); i++) {
        consumeCaptured(original.get(i), written.path(i), DocumentReader.child(pointer, i), reader);
      }
    } else if (same(original, written)) {
      reader.consume(pointer);
    }
  }

  /** The same value; a number read into text (or back) keeps its digits, so it counts as kept. */
  private static boolean same(JsonNode original, JsonNode written) {
    if (original.equals(written)) {
      return true;
    }
    if (original.isContainerNode()) { // empty: kept when the record has an empty one too
      return written.isContainerNode()
          && written.size() == 0
          && original.isArray() == written.isArray();
    }
    if (original.isNull()) {
      return written.isNull() || written.isMissingNode();
    }
    return written.isValueNode()
        && !written.isNull()
        && original.isValueNode()
        && original.asText().equals(written.asText());
  }
}
