package org.psybiome.trial.service.export;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.psybiome.common.security.Caller;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.service.TrialService;

/** A trial record in an exchange format, readable by whoever may read the record. */
@ApplicationScoped
public class TrialExports {

  /** What an export answers: the document and its media type, and the version it shows. */
  public record Export(String body, String mediaType, int version) {}

  private final TrialService trials;
  private final ObjectMapper json;
  private final CtgovStudyWriter ctgov;
  private final TrdsWriter trds;

  TrialExports(TrialService trials, ObjectMapper json) {
    this.trials = trials;
    this.json = json;
    this.ctgov = new CtgovStudyWriter(json);
    this.trds = new TrdsWriter(json);
  }

  public Export export(Caller caller, String id, ExportFormat format) {
    // the same read as GET /trials/{id}: a draft of another consortium is not found
    TrialView trial = trials.get(caller, id);
    return switch (format) {
      case FHIR_R4 ->
          new Export(
              // forR4Cached builds the R4 context (it scans the whole model: seconds, megabytes)
              // on the first export, not at startup, and shares it; it is thread-safe
              FhirContext.forR4Cached()
                  .newJsonParser()
                  .encodeResourceToString(ResearchStudyMapper.researchStudy(trial)),
              format.mediaType(),
              trial.version());
      case CTGOV_V2 -> new Export(text(ctgov.study(trial)), format.mediaType(), trial.version());
      case WHO_TRDS -> new Export(text(trds.dataSet(trial)), format.mediaType(), trial.version());
    };
  }

  private String text(JsonNode document) {
    try {
      return json.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }
}
