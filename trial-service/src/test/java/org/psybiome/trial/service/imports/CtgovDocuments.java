package org.psybiome.trial.service.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The ClinicalTrials.gov study documents of src/test/resources/ctgov, as the API returned them. */
public final class CtgovDocuments {

  public static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  public static final Validator VALIDATOR =
      Validation.buildDefaultValidatorFactory().getValidator();

  public static final List<String> IDS =
      List.of(
          "NCT00763412",
          "NCT00973089",
          "NCT03418623",
          "NCT03475563",
          "NCT03630471",
          "NCT04207047",
          "NCT04267848",
          "NCT04431453",
          "NCT05594173",
          "NCT06171568");

  private CtgovDocuments() {}

  public static CtgovStudyMapper mapper() {
    return new CtgovStudyMapper(JSON, VALIDATOR);
  }

  public static ObjectNode document(String nctId) {
    try (InputStream in =
        CtgovDocuments.class.getClassLoader().getResourceAsStream("ctgov/" + nctId + ".json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document from JSON written with single quotes, for readability. */
  public static JsonNode json(String singleQuoted) {
    try {
      return JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
