package org.psybiome.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document, read for checking traffic against it: which operation a request reached
 * (a literal path segment wins over a template one, as OpenAPI requires), and which response it
 * declares for a status.
 */
final class ApiDocument {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode root;
  private final List<PathTemplate> templates = new ArrayList<>();

  private ApiDocument(ObjectNode root) {
    this.root = root;
    JsonNode paths = root.path("paths");
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      templates.add(PathTemplate.of(it.next()));
    }
    // The template with the most literal characters is the most specific one.
    templates.sort(Comparator.comparingInt(PathTemplate::literalLength).reversed());
  }

  static ApiDocument parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (!(node instanceof ObjectNode object)
          || !node.path("openapi").asText().startsWith("3.1")) {
        throw new IllegalArgumentException("not an OpenAPI 3.1 document");
      }
      return new ApiDocument(object);
    } catch (IOException e) {
      throw new UncheckedIOException("the API document is not JSON", e);
    }
  }

  ObjectNode root() {
    return root;
  }

  /** The JSON pointer of the operation serving {@code method path}, if the document names it. */
  Optional<String> operationPointer(String method, String path) {
    for (PathTemplate template : templates) {
      if (template.matches(path)) {
        String lower = method.toLowerCase(Locale.ROOT);
        JsonNode operation = root.path("paths").path(template.template()).path(lower);
        return operation.isObject()
            ? Optional.of("/paths/" + escape(template.template()) + "/" + lower)
            : Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The key under {@code responses} that declares {@code status}: exact, else {@code 4XX}, else
   * default.
   */
  Optional<String> responseKey(String operationPointer, int status) {
    JsonNode responses = root.at(operationPointer).path("responses");
    for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
      if (responses.has(key)) {
        return Optional.of(key);
      }
    }
    return Optional.empty();
  }

  /** The node at {@code pointer}, following a {@code $ref} to this document's components. */
  JsonNode resolved(String pointer) {
    JsonNode node = root.at(pointer);
    for (int hops = 0; node.has("$ref") && hops < 10; hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        throw new IllegalStateException("only local references are supported: " + ref);
      }
      node = root.at(ref.substring(1));
    }
    return node;
  }

  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A path template such as {@code /api/v1/trials/{id}}, as a pattern for concrete paths. */
  private record PathTemplate(String template, Pattern pattern, int literalLength) {

    static PathTemplate of(String template) {
      StringBuilder regex = new StringBuilder();
      int literal = 0;
      for (String segment : template.split("/", -1)) {
        if (!regex.isEmpty() || !segment.isEmpty()) {
          regex.append('/');
        }
        if (segment.startsWith("{") && segment.endsWith("}")) {
          regex.append("[^/]+");
        } else {
          regex.append(Pattern.quote(segment));
          literal += segment.length();
        }
      }
      return new PathTemplate(template, Pattern.compile(regex.toString()), literal);
    }

    boolean matches(String path) {
      return pattern.matcher(path).matches();
    }
  }
}
