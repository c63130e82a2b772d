package org.psybiome.devtools.apidoc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The committed form of the API document (api/openapi.json): what the gateway serves at {@code
 * /openapi.json}, with the {@code servers} entry fixed to the local stack and the gateway's {@code
 * x-psybiome-missing-services} field gone, printed with a 2-space indent and a trailing newline.
 * {@code ./psybiome api-doc} writes it; a test can assert that a running gateway serves exactly the
 * committed file by comparing {@code normalise(served)} with it.
 */
public final class ApiDocuments {

  /** The gateway's list of services whose documents it could not merge. */
  public static final String MISSING_SERVICES = "x-psybiome-missing-services";

  public static final String SERVER_URL = "http://127.0.0.1:8080";

  public static final String SERVER_DESCRIPTION =
      "the local stack of ./psybiome up; a deployment names its own";

  // exact decimals: a number is written back as it was read (1.50 stays 1.50)
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  // "key": value, 2 spaces a level, [] and {} when empty: as JSON.stringify(doc, null, 2) writes
  private static final DefaultPrettyPrinter PRINTER =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private ApiDocuments() {}

  /**
   * The committed form of a served document.
   *
   * @throws IllegalArgumentException if {@code json} is not a JSON object, or the gateway listed
   *     services whose documents are missing from it
   */
  public static String normalise(String json) {
    JsonNode parsed = parse(json);
    if (!parsed.isObject()) {
      throw new IllegalArgumentException("the API document is not a JSON object");
    }
    ObjectNode document = (ObjectNode) parsed;
    JsonNode missing = document.remove(MISSING_SERVICES);
    if (missing != null && !(missing.isArray() && missing.isEmpty())) {
      throw new IllegalArgumentException(
          "the gateway could not merge the documents of " + missing + ": start every service");
    }
    ArrayNode servers = MAPPER.createArrayNode();
    servers.addObject().put("url", SERVER_URL).put("description", SERVER_DESCRIPTION);
    if (document.has("servers")) {
      document.set("servers", servers); // in place: the field keeps its position
    } else {
      document = withServersAfterInfo(document, servers);
    }
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(document) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Where two documents differ, as JSON pointers (RFC 6901) in document order: a member or element
   * present in only one of them, or a different value. Empty when they hold the same JSON, however
   * printed.
   */
  public static List<String> differences(String expected, String actual) {
    List<String> pointers = new ArrayList<>();
    compare(parse(expected), parse(actual), "", pointers);
    return pointers;
  }

  private static void compare(JsonNode a, JsonNode b, String pointer, List<String> pointers) {
    if (a.isObject() && b.isObject()) {
      Set<String> names = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String member = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
        if (!a.has(name) || !b.has(name)) {
          pointers.add(member);
        } else {
          compare(a.get(name), b.get(name), member, pointers);
        }
      }
    } else if (a.isArray() && b.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        if (i >= a.size() || i >= b.size()) {
          pointers.add(pointer + "/" + i);
        } else {
          compare(a.get(i), b.get(i), pointer + "/" + i, pointers);
        }
      }
    } else if (!a.equals(b)) {
      pointers.add(pointer);
    }
  }

  private static ObjectNode withServersAfterInfo(ObjectNode document, ArrayNode servers) {
    ObjectNode ordered = MAPPER.createObjectNode();
    boolean placed = false;
    for (Map.Entry<String, JsonNode> field : document.properties()) {
      ordered.set(field.getKey(), field.getValue());
      if (field.getKey().equals("info")) {
        ordered.set("servers", servers);
        placed = true;
      }
    }
    if (!placed) {
      ordered.set("servers", servers);
    }
    return ordered;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the API document is not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
