package org.psybiome.systemtests.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Makes a valid JSON request body bad in one way, chosen by a seeded random: malformed syntax, a
 * wrong type, an unknown property, a hostile value in a checked field, escapes or bytes no text
 * has, or an oversized value. Every result is a body a service must refuse.
 */
final class JsonMutations {

  private static final String MARK = "@@HOSTILE@@";

  /**
   * A mutated body: its {@code kind} (a row of the corpus's table: malformed, not-an-object,
   * wrong-type, unknown-property, hostile-value, invalid-text, oversized-field) and the variant.
   */
  record Mutated(String kind, String variant, byte[] body) {}

  private final Random random;

  JsonMutations(Random random) {
    this.random = random;
  }

  /**
   * @param checked JSON pointers of fields the service checks (enum, date, number, pattern): any
   *     hostile string there is invalid; may be empty (then only the other kinds are made)
   * @param text JSON pointers of free-text fields: only escapes/bytes/oversize make them invalid
   */
  Mutated mutate(ObjectNode valid, List<String> checked, List<String> text) {
    while (true) {
      int choice = random.nextInt(9);
      if ((choice == 3 || choice == 4) && checked.isEmpty()) {
        continue;
      }
      return switch (choice) {
        case 0 -> malformed(valid);
        case 1 -> wrongType(valid, random.nextBoolean() && !checked.isEmpty() ? checked : text);
        case 2 -> unknownProperty(valid);
        case 3, 4 -> hostileIn(valid, pick(checked));
        case 5 -> escapeIn(valid, field(checked, text));
        case 6 -> invalidUtf8In(valid, field(checked, text));
        case 7 -> oversized(valid, field(checked, text));
        default -> notAnObject();
      };
    }
  }

  /**
   * A checked or a free-text field, named in the variant as {@code checked:/ptr} or {@code
   * text:/ptr}.
   */
  private String field(List<String> checked, List<String> text) {
    return random.nextBoolean() && !checked.isEmpty()
        ? "checked:" + pick(checked)
        : "text:" + pick(text);
  }

  private static String pointer(String field) {
    return field.substring(field.indexOf(':') + 1);
  }

  private Mutated malformed(ObjectNode valid) {
    String json = valid.toString();
    return switch (random.nextInt(5)) {
      case 0 ->
          new Mutated(
              "malformed",
              "truncated",
              utf8(json.substring(0, 1 + random.nextInt(json.length() - 2))));
      case 1 ->
          new Mutated("malformed", "trailing", utf8(json + pick(pick(HostileStrings.ALL_TEXT))));
      case 2 -> new Mutated("malformed", "empty", new byte[0]);
      case 3 -> {
        int depth = 3000 + random.nextInt(3000);
        yield new Mutated("malformed", "nested", utf8("[".repeat(depth) + "]".repeat(depth - 1)));
      }
      default -> new Mutated("malformed", "single-quoted", utf8(json.replace('"', '\'')));
    };
  }

  private Mutated notAnObject() {
    List<String> bodies =
        List.of("null", "[]", "42", "\"text\"", "true", "[{}]", "-0.5e3", "false");
    String body = pick(bodies);
    return new Mutated("not-an-object", body, utf8(body));
  }

  private Mutated wrongType(ObjectNode valid, List<String> fields) {
    String pointer = pick(fields);
    JsonNode current = valid.at(pointer);
    // Jackson coerces numbers and booleans into strings and numbers into enums; objects and
    // arrays in a scalar's place, and strings in a container's place, it cannot.
    JsonNode wrong;
    if (current.isContainerNode()) {
      wrong = JsonNodeFactory.instance.textNode(pick(pick(HostileStrings.ALL_TEXT)));
    } else if (random.nextBoolean()) {
      wrong = JsonNodeFactory.instance.objectNode().put("value", pick(HostileStrings.SQL));
    } else {
      wrong = JsonNodeFactory.instance.arrayNode().add(random.nextInt(1000)).add("two");
    }
    return new Mutated("wrong-type", pointer, utf8(set(valid, pointer, wrong).toString()));
  }

  private Mutated unknownProperty(ObjectNode valid) {
    ObjectNode copy = valid.deepCopy();
    copy.put(pick(pick(HostileStrings.ALL_TEXT)), pick(HostileStrings.SQL));
    return new Mutated("unknown-property", "", utf8(copy.toString()));
  }

  private Mutated hostileIn(ObjectNode valid, String pointer) {
    List<String> kind = pick(HostileStrings.ALL_TEXT);
    String text = pick(kind);
    JsonNode value = JsonNodeFactory.instance.textNode(text);
    // NUL is not storable text: refused when read, whatever the field
    return new Mutated(
        text.indexOf('\u0000') >= 0 ? "invalid-text" : "hostile-value",
        pointer,
        utf8(set(valid, pointer, value).toString()));
  }

  private Mutated escapeIn(ObjectNode valid, String field) {
    String json = set(valid, pointer(field), JsonNodeFactory.instance.textNode(MARK)).toString();
    String escape = pick(HostileStrings.JSON_ESCAPES);
    return new Mutated(
        "invalid-text", "escape " + field, utf8(json.replace("\"" + MARK + "\"", escape)));
  }

  private Mutated invalidUtf8In(ObjectNode valid, String field) {
    String json =
        set(valid, pointer(field), JsonNodeFactory.instance.textNode("a" + MARK + "z")).toString();
    int at = json.indexOf(MARK);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(utf8(json.substring(0, at)));
    out.writeBytes(pick(HostileStrings.INVALID_UTF8));
    out.writeBytes(utf8(json.substring(at + MARK.length())));
    return new Mutated("invalid-text", "invalid UTF-8 " + field, out.toByteArray());
  }

  private Mutated oversized(ObjectNode valid, String field) {
    String huge = HostileStrings.longString(70_000 + random.nextInt(30_000), 'x');
    return new Mutated(
        "oversized-field",
        field,
        utf8(set(valid, pointer(field), JsonNodeFactory.instance.textNode(huge)).toString()));
  }

  /** A copy of {@code valid} with the value at {@code pointer} replaced. */
  static ObjectNode set(ObjectNode valid, String pointer, JsonNode value) {
    ObjectNode copy = valid.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = slash == 0 ? copy : copy.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else {
      throw new IllegalArgumentException("no field at " + pointer + " in " + valid);
    }
    return copy;
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
