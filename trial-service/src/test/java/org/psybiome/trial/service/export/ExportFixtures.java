package org.psybiome.trial.service.export;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.psybiome.common.web.StrictJson;
import org.psybiome.trial.api.StatusEntry;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.RegistrationTiming;
import org.psybiome.trial.model.SourceRecord;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;

/**
 * Hand-built trials for the export tests, as the API shows them (export/*.json), read with the
 * service's JSON setup: strict, unknown properties refused, dates as text.
 */
final class ExportFixtures {

  static final ObjectMapper JSON = serviceMapper();

  private ExportFixtures() {}

  private static ObjectMapper serviceMapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    new StrictJson().customize(mapper);
    return mapper;
  }

  static ObjectNode json(String resource) {
    try (InputStream in = ExportFixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + resource);
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A trial as GET /trials/{id} shows it: the assigned properties, then the record. */
  static TrialView trial(String name) {
    ObjectNode view = json("export/" + name + ".json");
    ObjectNode content = view.deepCopy();
    TrialView.ASSIGNED_PROPERTIES.forEach(content::remove);
    try {
      return new TrialView(
          view.get("id").asText(),
          view.get("consortium").asText(),
          TrialStatus.valueOf(view.get("status").asText()),
          view.get("version").asInt(),
          value(view.get("registeredOn"), LocalDate.class),
          view.get("actualEnrolment").asLong(),
          view.get("blinded").asBoolean(),
          value(view.get("unblindedAt"), Instant.class),
          JSON.convertValue(view.get("statusHistory"), new TypeReference<List<StatusEntry>>() {}),
          value(view.get("createdAt"), Instant.class),
          value(view.get("updatedAt"), Instant.class),
          JSON.treeToValue(content, TrialContent.class),
          value(view.get("lastKnownStatus"), TrialStatus.class),
          value(view.get("registrationTiming"), RegistrationTiming.class),
          value(view.get("source"), SourceRecord.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T value(JsonNode node, Class<T> type) {
    return node == null || node.isNull() ? null : JSON.convertValue(node, type);
  }
}
