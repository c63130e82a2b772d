package org.psybiome.trial.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.psybiome.trial.model.TrialContent;

/** Trial records for pure tests, read from JSON as a client writes them. */
final class TrialRecords {

  static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  private TrialRecords() {}

  /** A record from JSON written with single quotes, for readability. */
  static TrialContent record(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), TrialContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A demo trial (demo/trials), complete enough to register. */
  static ObjectNode demo(String name) {
    try (InputStream in =
        TrialRecords.class.getClassLoader().getResourceAsStream("demo/trials/" + name + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A record as the service stores it: the 1.0 and 1.1 forms of its items in step. */
  static TrialContent stored(ObjectNode json) {
    return LegacyItems.inStep(record(json), JSON);
  }

  static TrialContent record(ObjectNode json) {
    try {
      return JSON.treeToValue(json, TrialContent.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
