package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a subtree of the document into a record with Jackson, then consumes exactly what the record
 * captured: the record is written back to JSON and compared with the subtree leaf by leaf, so a
 * property the record does not have (or holds otherwise) stays unmapped. Used for the results
 * modules, whose records use ClinicalTrials.gov's own property names. A text over the record's
 * limit is not cut: it is left out of the record (so stays unmapped, whole) with a WARNING; if the
 * module breaks another constraint of the record, all of it stays unmapped.
 */
final class CapturedRead {

  private CapturedRead() {}

  /** The subtree at {@code pointer} as {@code type}; null when absent or unreadable (unmapped). */
  static <T> T read(
      ObjectMapper json,
      Validator validator,
      DocumentReader reader,
      String pointer,
      JavaType type,
      String field) {
    JsonNode node = reader.at(pointer);
    if (node.isMissingNode() || node.isNull()) {
      return null;
    }
    T value;
    try {
      value = json.convertValue(node, type);
      List<String> tooLong = new ArrayList<>();
      List<String> broken = new ArrayList<>();
      violations(validator, value, "", tooLong, broken);
      if (!tooLong.isEmpty() && broken.isEmpty()) {
        JsonNode shortened = node.deepCopy();
        for (String p : tooLong) {
          remove(shortened, p);
          reader.warn(
              field,
              "ClinicalTrials.gov's "
                  + pointer
                  + p
                  + " is longer than the record allows: left unmapped in full, not cut short");
        }
        value = json.convertValue(shortened, type);
        violations(validator, value, "", tooLong, broken);
      }
      if (!broken.isEmpty()) {
        reader.warn(
            field,
            "ClinicalTrials.gov's "
                + pointer
                + " does not fit the record (at "
                + broken
                + "): left unmapped");
        return null;
      }
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

  /** Pointers (relative) of texts over a @Size limit, and of any other broken constraint. */
  private static void violations(
      Validator validator, Object value, String prefix, List<String> tooLong, List<String> broken) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        violations(validator, list.get(i), prefix + "/" + i, tooLong, broken);
      }
      return;
    }
    for (ConstraintViolation<Object> v : validator.validate(value)) {
      String p = prefix + pointer(v.getPropertyPath());
      boolean textTooLong =
          v.getConstraintDescriptor().getAnnotation() instanceof Size
              && v.getInvalidValue() instanceof String;
      (textTooLong ? tooLong : broken).add(p);
    }
  }

  private static String pointer(Path path) {
    StringBuilder pointer = new StringBuilder();
    for (Path.Node node : path) {
      if (node.isInIterable() && node.getIndex() != null) {
        pointer.append('/').append(node.getIndex());
      }
      if (node.getKind() == ElementKind.PROPERTY) {
        pointer.append('/').append(node.getName());
      }
    }
    return pointer.toString();
  }

  private static void remove(JsonNode tree, String pointer) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = tree.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), array.nullNode());
    }
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
