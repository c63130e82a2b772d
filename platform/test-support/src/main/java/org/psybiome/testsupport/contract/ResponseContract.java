package org.psybiome.testsupport.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks responses against an OpenAPI 3.1 document as a client generated from it would read them: a
 * status the operation does not declare, a content type it does not name, a declared required
 * header that is missing or a numeric header that is not a number, a body (JSON, or each line of
 * NDJSON against the media type's {@link #ITEM_SCHEMA}) that breaks its schema — and, stricter than
 * the document itself, which lets clients tolerate new fields, a field the document does not
 * declare. Schemas are JSON Schema 2020-12 (the dialect of OpenAPI 3.1), checked with networknt's
 * validator; the common Java OpenAPI validators read only 3.0 schemas and pass any 3.1 body
 * unchecked. Requests are not checked: tests send bad requests on purpose, and what matters is that
 * the answer to one is documented.
 */
public final class ResponseContract {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IRI = "https://contract.psybiome.invalid/openapi.json";
  private static final String CHECKED = "x-checked-response-";

  /**
   * The schema of each item of a sequential body such as NDJSON, beside the media type's {@code
   * schema} (which 3.1 tools read as the whole body: text). OpenAPI 3.2 calls it {@code
   * itemSchema}.
   */
  public static final String ITEM_SCHEMA = "x-item-schema";

  private static final String ITEM = "#item";

  /** The contract of an application that publishes no API document: nothing to check. */
  static final ResponseContract NONE =
      ResponseContract.of("{\"openapi\": \"3.1.0\", \"info\": {}, \"paths\": {}}");

  private final ApiDocument document;
  private final JsonSchemaFactory factory;
  private final Map<JsonNode, Map<String, String>> schemaNames;
  private final Map<String, JsonSchema> schemas = new java.util.concurrent.ConcurrentHashMap<>();

  private ResponseContract(ApiDocument document, Map<JsonNode, Map<String, String>> schemaNames) {
    this.document = document;
    this.schemaNames = schemaNames;
    String text = document.root().toString();
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            builder ->
                builder
                    .metaSchema(OpenApi31.getInstance())
                    .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                    .schemaLoaders(loaders -> loaders.schemas(Map.of(IRI, text))));
  }

  /** The contract of {@code json}, an OpenAPI 3.1 document. */
  public static ResponseContract of(String json) {
    ApiDocument document = ApiDocument.parse(json);
    close(document.root());
    return new ResponseContract(document, nameResponseSchemas(document.root()));
  }

  /** The operationId of the operation serving {@code method path}, if the document names one. */
  public Optional<String> operationId(String method, String path) {
    return document
        .operationPointer(method, path)
        .map(pointer -> document.root().at(pointer).path("operationId").asText(null));
  }

  /** Every operationId of the document. */
  public java.util.Set<String> operationIds() {
    java.util.Set<String> ids = new java.util.TreeSet<>();
    document
        .root()
        .path("paths")
        .forEach(
            item ->
                item.forEach(
                    op -> {
                      if (op.has("operationId")) {
                        ids.add(op.get("operationId").asText());
                      }
                    }));
    return ids;
  }

  /**
   * What is wrong with a response; empty when it matches, or when the document does not name the
   * operation (a service's {@code /q/} endpoints, an unknown path).
   *
   * @param header the response's value of a header, by name, or null
   */
  public List<String> check(
      String method,
      String path,
      int status,
      String contentType,
      Function<String, String> header,
      String body) {
    Optional<String> operation = document.operationPointer(method, path);
    if (operation.isEmpty()) {
      return List.of();
    }
    String where = method + " " + path + " answered " + status;
    Optional<String> key = document.responseKey(operation.get(), status);
    if (key.isEmpty()) {
      return List.of(where + ": the document declares no such status for this operation");
    }
    List<String> problems = new ArrayList<>();
    String responsePointer = operation.get() + "/responses/" + key.get();
    JsonNode response = document.resolved(responsePointer);
    checkHeaders(response, header, where, problems);

    JsonNode content = response.path("content");
    boolean hasBody = body != null && !body.isEmpty();
    if (!content.isObject() || content.isEmpty()) {
      if (hasBody) {
        problems.add(where + ": the document declares no body, but one came");
      }
      return problems;
    }
    if (contentType == null) {
      if (hasBody) {
        problems.add(where + ": a body came without a Content-Type");
      }
      return problems;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    Optional<String> declared = mediaKey(content, type);
    if (declared.isEmpty()) {
      problems.add(
          where + ": Content-Type " + type + " is not declared; declared: " + names(content));
      return problems;
    }
    Map<String, String> names = schemaNames.getOrDefault(response, Map.of());
    if (!hasBody) {
      return problems;
    }
    if (isJson(type) && names.containsKey(declared.get())) {
      validate(names.get(declared.get()), body, where, problems);
    } else if (names.containsKey(declared.get() + ITEM)) {
      // a sequential body (NDJSON): text to OpenAPI 3.1, each line a JSON value of itemSchema
      String[] lines = body.split("\n");
      for (int i = 0; i < lines.length && problems.size() < 20; i++) {
        if (!lines[i].isBlank()) {
          validate(
              names.get(declared.get() + ITEM), lines[i], where + ", line " + (i + 1), problems);
        }
      }
    }
    return problems;
  }

  private void checkHeaders(
      JsonNode response, Function<String, String> header, String where, List<String> problems) {
    JsonNode headers = response.path("headers");
    for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      JsonNode declared = headers.get(name);
      if (declared.has("$ref")) {
        declared = document.root().at(declared.get("$ref").asText().substring(1));
      }
      String value = header.apply(name);
      if (value == null) {
        if (declared.path("required").asBoolean(false)) {
          problems.add(where + ": the required header " + name + " is missing");
        }
      } else if (declared.path("schema").path("type").asText().equals("integer")
          && !value.trim().matches("-?\\d+")) {
        problems.add(where + ": header " + name + " is not an integer: " + value);
      }
    }
  }

  private void validate(String name, String text, String where, List<String> problems) {
    JsonNode instance;
    try {
      instance = JSON.readTree(text);
    } catch (IOException e) {
      problems.add(where + ": the body is not JSON");
      return;
    }
    JsonSchema schema =
        schemas.computeIfAbsent(
            name,
            n -> {
              SchemaValidatorsConfig config =
                  SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
              return factory.getSchema(
                  SchemaLocation.of(IRI + "#/components/schemas/" + n), config);
            });
    for (ValidationMessage message : schema.validate(instance)) {
      problems.add(where + ": " + message.getMessage());
    }
  }

  private static Optional<String> mediaKey(JsonNode content, String type) {
    String range = type.substring(0, type.indexOf('/') + 1) + "*";
    for (String candidate : List.of(type, range, "*/*")) {
      for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.split(";", 2)[0].trim().equalsIgnoreCase(candidate)) {
          return Optional.of(key);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isJson(String type) {
    return type.equals("application/json") || type.endsWith("+json");
  }

  private static String names(JsonNode content) {
    List<String> names = new ArrayList<>();
    content.fieldNames().forEachRemaining(names::add);
    return String.join(", ", names);
  }

  /**
   * Every schema of a response body, copied under a name of its own in {@code components/schemas}:
   * a schema is then loaded by a plain name instead of a pointer through path templates.
   */
  private static Map<JsonNode, Map<String, String>> nameResponseSchemas(ObjectNode root) {
    Map<JsonNode, Map<String, String>> names = new IdentityHashMap<>();
    List<JsonNode> responses = new ArrayList<>();
    root.path("paths")
        .forEach(
            item -> item.forEach(operation -> operation.path("responses").forEach(responses::add)));
    root.path("components").path("responses").forEach(responses::add);
    ObjectNode schemas = root.with("components").with("schemas");
    int n = 0;
    for (JsonNode response : responses) {
      JsonNode content = response.path("content");
      for (Iterator<String> it = content.fieldNames(); it.hasNext(); ) {
        String media = it.next();
        for (String key : List.of("schema", ITEM_SCHEMA)) {
          JsonNode schema = content.get(media).get(key);
          if (schema != null) {
            String name = CHECKED + n++;
            schemas.set(name, schema.deepCopy());
            names
                .computeIfAbsent(response, r -> new HashMap<>())
                .put(key.equals(ITEM_SCHEMA) ? media + ITEM : media, name);
          }
        }
      }
    }
    return names;
  }

  /** Closes every object schema that lists its properties to others: "no undocumented field". */
  private static void close(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.path("properties").isObject()
          && !object.has("additionalProperties")
          && !object.has("allOf")
          && !object.has("unevaluatedProperties")) {
        object.put("additionalProperties", false);
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        close(it.next().getValue());
      }
    } else if (node != null && node.isArray()) {
      node.forEach(ResponseContract::close);
    }
  }
}
