package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a source document by JSON pointer and remembers what it read into the record, so that
 * whatever was not read can be handed back verbatim ({@link #unconsumed}): nothing of the source is
 * lost without a trace. Values that do not fit the record (too long, not of the expected kind) are
 * not consumed, and a WARNING note says why.
 */
final class DocumentReader {

  private final JsonNode root;
  private final Set<String> consumed = new HashSet<>();
  // pointers with something consumed at or below them: their subtree is not handed back whole
  private final Set<String> touched = new HashSet<>();
  private final List<ImportNote> notes = new ArrayList<>();

  DocumentReader(JsonNode root) {
    this.root = root;
  }

  static String child(String pointer, String property) {
    return pointer + "/" + property.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /** The node at {@code pointer}, or a missing node; nothing is consumed. */
  JsonNode at(String pointer) {
    JsonNode node = root.at(pointer);
    return node == null ? MissingNode.getInstance() : node;
  }

  boolean has(String pointer) {
    JsonNode node = at(pointer);
    return !node.isMissingNode() && !node.isNull();
  }

  /** How many elements the array at {@code pointer} has; 0 when it is not an array. */
  int size(String pointer) {
    JsonNode node = at(pointer);
    return node.isArray() ? node.size() : 0;
  }

  /** Marks the value at {@code pointer}, with all it contains, as read into the record. */
  void consume(String pointer) {
    consumed.add(pointer);
    String p = pointer;
    while (!p.isEmpty()) {
      touched.add(p);
      p = p.substring(0, p.lastIndexOf('/'));
    }
    touched.add("");
  }

  /** The text at {@code pointer}, consumed; null (and not consumed) when it is not text. */
  String text(String pointer) {
    JsonNode node = at(pointer);
    if (!node.isTextual()) {
      if (!node.isMissingNode() && !node.isNull()) {
        warn(pointer, "is not text: left unmapped");
      }
      return null;
    }
    consume(pointer);
    return node.textValue();
  }

  /**
   * The text at {@code pointer} when it fits the record's limit; else null, the text left unmapped
   * in full and a WARNING on {@code field}: a text is never cut short.
   */
  String text(String pointer, int max, String field) {
    JsonNode node = at(pointer);
    if (node.isTextual() && node.textValue().length() > max) {
      warn(
          field,
          "ClinicalTrials.gov's text ("
              + pointer
              + ") has "
              + node.textValue().length()
              + " characters, more than the record's "
              + max
              + ": left unmapped in full, not cut short");
      return null;
    }
    String text = text(pointer);
    return text == null || !text.isBlank() ? text : null;
  }

  Boolean bool(String pointer) {
    JsonNode node = at(pointer);
    if (!node.isBoolean()) {
      if (!node.isMissingNode() && !node.isNull()) {
        warn(pointer, "is not true or false: left unmapped");
      }
      return null;
    }
    consume(pointer);
    return node.booleanValue();
  }

  Integer integer(String pointer) {
    JsonNode node = at(pointer);
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      if (!node.isMissingNode() && !node.isNull()) {
        warn(pointer, "is not a whole number: left unmapped");
      }
      return null;
    }
    consume(pointer);
    return node.intValue();
  }

  /**
   * The constant of {@code type} named as the text at {@code pointer}; a value the record does not
   * know is left unmapped with a WARNING on {@code field}.
   */
  <E extends Enum<E>> E constant(String pointer, Class<E> type, String field) {
    JsonNode node = at(pointer);
    if (!node.isTextual()) {
      if (!node.isMissingNode() && !node.isNull()) {
        warn(field, pointer + " is not text: left unmapped");
      }
      return null;
    }
    try {
      E value = Enum.valueOf(type, node.textValue());
      consume(pointer);
      return value;
    } catch (IllegalArgumentException e) {
      warn(
          field,
          "ClinicalTrials.gov's value '"
              + node.textValue()
              + "' ("
              + pointer
              + ") has no counterpart in the record: left unmapped");
      return null;
    }
  }

  void warn(String field, String message) {
    notes.add(new ImportNote(ImportNote.Kind.WARNING, field, message));
  }

  void defaulted(String field, String message) {
    notes.add(new ImportNote(ImportNote.Kind.DEFAULTED, field, message));
  }

  List<ImportNote> notes() {
    return Collections.unmodifiableList(notes);
  }

  Set<String> consumed() {
    return Collections.unmodifiableSet(consumed);
  }

  /**
   * Every part of the document that was not read into the record, by JSON pointer, in document
   * order: a subtree of which nothing was read is given whole under its own pointer.
   */
  Map<String, JsonNode> unconsumed() {
    Map<String, JsonNode> unmapped = new LinkedHashMap<>();
    collect(root, "", unmapped);
    return unmapped;
  }

  private void collect(JsonNode node, String pointer, Map<String, JsonNode> unmapped) {
    if (consumed.contains(pointer)) {
      return;
    }
    if (!node.isContainerNode() || !touched.contains(pointer)) {
      unmapped.put(pointer, node.deepCopy());
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), child(pointer, i), unmapped);
      }
    } else {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        collect(field.getValue(), child(pointer, field.getKey()), unmapped);
      }
    }
  }
}
