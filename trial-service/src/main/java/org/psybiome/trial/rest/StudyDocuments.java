package org.psybiome.trial.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/**
 * Reads an import body study by study without holding more than one study in memory: either one
 * study document, or many as the ClinicalTrials.gov API pages them ({@code {"studies": [...],
 * "nextPageToken": ...}}), or a JSON array of studies. Which it is shows from the first token or
 * property, so the answer's form is chosen before the rest is read.
 */
final class StudyDocuments implements AutoCloseable {

  private final JsonParser parser;
  private final ObjectMapper json;
  private final ObjectNode single;
  private final boolean page;
  private boolean inArray;
  private int index = -1;

  private StudyDocuments(
      JsonParser parser, ObjectMapper json, ObjectNode single, boolean page, boolean inArray) {
    this.parser = parser;
    this.json = json;
    this.single = single;
    this.page = page;
    this.inArray = inArray;
  }

  /**
   * @param json reads each value as a tree; the end of the body is checked here, so it must not
   *     insist on the end of input after each value (FAIL_ON_TRAILING_TOKENS)
   */
  static StudyDocuments open(InputStream body, ObjectMapper json) throws IOException {
    JsonParser parser = json.getFactory().createParser(body);
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return new StudyDocuments(parser, json, null, false, true);
    }
    if (first != JsonToken.START_OBJECT) {
      throw notStudies("the body is not a JSON object or array");
    }
    // a page names "studies" first; a study starts with its sections
    ObjectNode study = json.createObjectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (name.equals("studies") && study.isEmpty()) {
        if (value != JsonToken.START_ARRAY) {
          throw notStudies("\"studies\" is not an array");
        }
        return new StudyDocuments(parser, json, null, true, true);
      }
      study.set(name, json.readTree(parser));
    }
    requireEnd(parser);
    return new StudyDocuments(parser, json, study, false, false);
  }

  /** Nothing may follow the document: a second value is a malformed body, not ignored. */
  private static void requireEnd(JsonParser parser) throws IOException {
    if (parser.nextToken() != null) {
      throw new JsonParseException(parser, "nothing may follow the JSON document");
    }
  }

  boolean isSingle() {
    return single != null;
  }

  JsonNode single() {
    return single;
  }

  /** The position of the last study read, from 0. */
  int index() {
    return index;
  }

  /** The next study of many, or null after the last. */
  JsonNode next() throws IOException {
    if (!inArray) {
      return null;
    }
    JsonToken token = parser.nextToken();
    if (token == JsonToken.END_ARRAY) {
      inArray = false;
      if (page) {
        // the rest of the page (nextPageToken, totalCount) is the search's, not studies
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          parser.nextToken();
          parser.skipChildren();
        }
      }
      requireEnd(parser);
      return null;
    }
    if (token == null) {
      throw new JsonParseException(parser, "the array of studies is not closed");
    }
    index++;
    return json.readTree(parser);
  }

  private static ProblemException notStudies(String why) {
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        "The body is not a ClinicalTrials.gov study, page of studies or array of studies: " + why,
        List.of(Violation.of("", why)));
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
