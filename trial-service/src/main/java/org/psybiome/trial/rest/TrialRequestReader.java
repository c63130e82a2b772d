package org.psybiome.trial.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.model.TrialContent;

/**
 * Reads a trial write: the record's content, plus an optional {@code changeReason}. A client may
 * send back what it read, so the properties the registry assigns are accepted and ignored; any
 * other unknown property is an error (a misspelt field must not vanish silently).
 */
@ApplicationScoped
public class TrialRequestReader {

  public record TrialWrite(TrialContent content, String changeReason) {}

  /**
   * The body of a replace as the API document shows it: {@link #read} takes it apart by hand, so
   * the document cannot see its shape.
   */
  @Schema(
      name = "TrialReplacement",
      description =
          "The whole new record, plus why it changes. The properties the registry assigns (id,"
              + " status, version ...) may be sent back as read and are ignored; any other"
              + " unknown property is an error.",
      allOf = TrialContent.class,
      properties =
          @SchemaProperty(
              name = "changeReason",
              type = SchemaType.STRING,
              description =
                  "Why the record changes: required once the trial is registered, kept with the"
                      + " new version"))
  static final class Replacement {
    private Replacement() {}
  }

  private final ObjectMapper json;

  TrialRequestReader(ObjectMapper json) {
    this.json = json;
  }

  public TrialWrite read(JsonNode body) throws JsonProcessingException {
    if (!(body instanceof ObjectNode object)) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY,
          "The body must be a JSON object",
          List.of(Violation.of("", "must be a JSON object")));
    }
    ObjectNode copy = object.deepCopy();
    TrialView.ASSIGNED_PROPERTIES.forEach(copy::remove);
    JsonNode reason = copy.remove("changeReason");
    if (reason != null && !reason.isNull() && !reason.isTextual()) {
      throw ProblemException.invalid(
          "changeReason must be text", List.of(Violation.of("changeReason", "must be a string")));
    }
    TrialContent content = json.treeToValue(copy, TrialContent.class);
    return new TrialWrite(content, reason == null || reason.isNull() ? null : reason.asText());
  }
}
