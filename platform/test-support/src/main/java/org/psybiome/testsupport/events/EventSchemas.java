package org.psybiome.testsupport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * The published event schemas of docs/events (JSON Schema 2020-12), packaged in this jar under
 * {@code schemas/events}: the CloudEvents envelope and the data of each event type. Formats ({@code
 * uuid}, {@code date-time}) are asserted, not just annotations.
 */
public final class EventSchemas {

  private static final String BASE = "https://psybiome.org/schemas/events/";

  // Schemas refer to each other by their $id; those resolve to this jar, never to the network.
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(
                  mappers -> mappers.mapPrefix(BASE, "classpath:schemas/events/")));

  private static final SchemaValidatorsConfig CONFIG =
      SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

  private EventSchemas() {}

  /** A schema by file name, e.g. {@code cloudevent.schema.json}. */
  public static JsonSchema schema(String file) {
    return FACTORY.getSchema(SchemaLocation.of(BASE + file), CONFIG);
  }

  /** Where a whole record value breaks the CloudEvents envelope schema; empty if it matches. */
  public static Set<ValidationMessage> envelopeViolations(JsonNode envelope) {
    return schema("cloudevent.schema.json").validate(envelope);
  }

  /**
   * Where an event's {@code data} breaks the schema of its type; empty if it matches. The type
   * {@code org.psybiome.trial.registered.v1} is described by {@code
   * trial.registered.v1.schema.json}.
   */
  public static Set<ValidationMessage> dataViolations(String type, JsonNode data) {
    return schema(type.replaceFirst("^org\\.psybiome\\.", "") + ".schema.json").validate(data);
  }
}
