package org.psybiome.trial.service.export;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Puts the items an import kept verbatim back at their JSON pointers: objects and arrays missing on
 * the way are created (an array where the next step is an index), an item inside an array element
 * goes into that element, and a verbatim item replaces what was written at its place, since it is
 * what the source said.
 */
final class UnmappedItems {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private UnmappedItems() {}

  static void putBack(ObjectNode document, Map<String, JsonNode> unmapped) {
    // in pointer order, so that /a/2 is placed before /a/3 when both are whole elements
    unmapped.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(UnmappedItems::compare))
        .forEach(e -> put(document, JsonPointer.compile(e.getKey()), e.getValue()));
  }

  static void put(JsonNode root, JsonPointer pointer, JsonNode value) {
    if (pointer.matches()) {
      throw new IllegalArgumentException("an unmapped item cannot replace the whole document");
    }
    JsonNode parent = root;
    JsonPointer step = pointer;
    while (!step.tail().matches()) {
      parent = child(parent, step, isIndex(step.tail()));
      step = step.tail();
    }
    if (parent instanceof ObjectNode object) {
      object.set(step.getMatchingProperty(), value.deepCopy());
    } else {
      ArrayNode array = (ArrayNode) parent;
      int index = index(step, array);
      pad(array, index);
      if (index == array.size()) {
        array.add(value.deepCopy());
      } else {
        array.set(index, value.deepCopy());
      }
    }
  }

  /** The container at one step, created (an array if the next step is an index) when missing. */
  private static JsonNode child(JsonNode parent, JsonPointer step, boolean arrayNext) {
    if (parent instanceof ObjectNode object) {
      JsonNode child = object.get(step.getMatchingProperty());
      if (child == null || !child.isContainerNode()) {
        child = arrayNext ? NODES.arrayNode() : NODES.objectNode();
        object.set(step.getMatchingProperty(), child);
      }
      return child;
    }
    ArrayNode array = (ArrayNode) parent;
    int index = index(step, array);
    pad(array, index);
    if (index == array.size()) {
      array.add(arrayNext ? NODES.arrayNode() : NODES.objectNode());
    } else if (!array.get(index).isContainerNode()) {
      array.set(index, arrayNext ? NODES.arrayNode() : NODES.objectNode());
    }
    return array.get(index);
  }

  private static boolean isIndex(JsonPointer step) {
    return step.mayMatchElement() || "-".equals(step.getMatchingProperty());
  }

  private static int index(JsonPointer step, ArrayNode array) {
    if ("-".equals(step.getMatchingProperty())) {
      return array.size();
    }
    if (!step.mayMatchElement()) {
      throw new IllegalArgumentException(
          "'" + step.getMatchingProperty() + "' is not an index into an array");
    }
    return step.getMatchingIndex();
  }

  /** Elements before an index the document does not have yet: empty, to be filled later. */
  private static void pad(ArrayNode array, int index) {
    while (array.size() < index) {
      array.addObject();
    }
  }

  /** Orders pointers step by step, indices by number: /a/10 after /a/9. */
  static int compare(String a, String b) {
    String[] x = a.split("/", -1);
    String[] y = b.split("/", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i].equals(y[i])) {
        continue;
      }
      if (x[i].matches("\\d+") && y[i].matches("\\d+")) {
        return Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
      }
      return x[i].compareTo(y[i]);
    }
    return Integer.compare(x.length, y.length);
  }
}
