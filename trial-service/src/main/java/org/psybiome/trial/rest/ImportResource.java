package org.psybiome.trial.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;
import org.psybiome.persistence.idempotency.Idempotent;
import org.psybiome.trial.api.CtgovStudyDocument;
import org.psybiome.trial.api.ImportLine;
import org.psybiome.trial.api.ImportResult;
import org.psybiome.trial.service.TrialImports;

/** Trials imported from ClinicalTrials.gov study documents. */
@Path("/api/v1/imports/clinicaltrials-gov")
@Tag(
    name = "Imports",
    description =
        "Trials from another registry's records, without retyping: the source document is read"
            + " into the record, what has no place in it is kept verbatim, and a report says what"
            + " was defaulted and what to check.")
@SecurityRequirement(name = "bearerToken")
public class ImportResource {

  static final String NDJSON = "application/x-ndjson";
  private static final String PATH = "/api/v1/imports/clinicaltrials-gov";

  private final TrialImports imports;
  private final Caller caller;
  private final ObjectMapper json;

  ImportResource(TrialImports imports, Caller caller, ObjectMapper json) {
    this.imports = imports;
    this.caller = caller;
    // one document per line, never indented; StudyDocuments checks the end of the body itself
    this.json =
        json.copy()
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  @POST
  @BodyLimit(TrialBodyLimits.IMPORT)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, NDJSON})
  @RolesAllowed(Roles.REGISTRANT)
  @Operation(
      operationId = "importClinicalTrialsGov",
      summary = "Import trials from ClinicalTrials.gov study documents",
      description =
          "The body is a study exactly as the ClinicalTrials.gov API v2 returns it (GET"
              + " /api/v2/studies/{nctId}, with or without resultsSection), or many: a page of its"
              + " search ({\"studies\": [...], \"nextPageToken\": ...}) or a JSON array of studies."
              + " A study the caller's consortium does not have becomes a registered trial with"
              + " its real status, dates and status history (201); one it has (the same NCT"
              + " number) becomes a new version whose change reason names the import (200, outcome"
              + " UPDATED), or stays as it is when nothing changed (200, UNCHANGED); one another"
              + " consortium has is a 409. Every item of the document without a place in the record"
              + " is kept verbatim under the trial's source.unmapped. Many studies are read and"
              + " imported one at a time, each in its own transaction, and answered as NDJSON: a"
              + " line per study as it is done (its outcome, trial id and report, or its problem),"
              + " then a summary line.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CtgovStudyDocument.class)))
  @APIResponse(
      responseCode = "201",
      description = "One study: the trial it became, and the import report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ImportResult.class)),
      headers = {
        @Header(name = "Location", ref = "Location"),
        @Header(name = "ETag", ref = "ETag")
      })
  @APIResponse(
      responseCode = "200",
      description =
          "One study already in the consortium (UPDATED or UNCHANGED, with the report); or many"
              + " studies, a line per study then a summary line, streamed",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportResult.class)),
        @Content(
            mediaType = NDJSON,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description = "One ImportLine JSON object per line; the last is the summary"),
            extensions =
                @Extension(
                    name = "x-item-schema",
                    value = "{\"$ref\": \"#/components/schemas/ImportLine\"}",
                    parseValue = true))
      },
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "409",
      description = "One study: its NCT number belongs to a trial of another consortium",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "The body is not a ClinicalTrials.gov study (or page or array of them); the violations"
              + " name what is wrong, by JSON pointer",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response importStudies(InputStream body) throws IOException {
    StudyDocuments studies = StudyDocuments.open(body, json);
    if (studies.isSingle()) {
      try (studies) {
        ImportResult result = imports.importCtgov(caller, studies.single());
        String trialId = result.trial().id();
        return Response.status(result.outcome() == ImportResult.Outcome.CREATED ? 201 : 200)
            .location(URI.create("/api/v1/trials/" + trialId))
            .tag(new jakarta.ws.rs.core.EntityTag(Integer.toString(result.trial().version())))
            .type(MediaType.APPLICATION_JSON)
            .entity(result)
            .build();
      }
    }
    StreamingOutput lines = out -> importEach(studies, out);
    return Response.ok(lines, NDJSON).build();
  }

  private void importEach(StudyDocuments studies, OutputStream out) throws IOException {
    Map<ImportLine.Outcome, Integer> counts = new EnumMap<>(ImportLine.Outcome.class);
    try (studies) {
      JsonNode study;
      while ((study = nextOrProblem(studies, out, counts)) != null) {
        ImportLine line;
        try {
          ImportResult result = imports.importCtgov(caller, study);
          line = ImportLine.of(studies.index(), result);
        } catch (ProblemException e) {
          line = ImportLine.refused(studies.index(), sourceId(study), problem(e));
        }
        counts.merge(line.outcome(), 1, Integer::sum);
        write(out, line);
      }
    }
    write(out, ImportLine.summary(counts));
  }

  /** The next study; a body that stops being JSON ends the stream with a line saying where. */
  private JsonNode nextOrProblem(
      StudyDocuments studies, OutputStream out, Map<ImportLine.Outcome, Integer> counts)
      throws IOException {
    try {
      return studies.next();
    } catch (JsonProcessingException e) {
      counts.merge(ImportLine.Outcome.REFUSED, 1, Integer::sum);
      write(
          out,
          ImportLine.refused(
              studies.index() + 1,
              null,
              ProblemResponses.problem(
                  ProblemType.MALFORMED_BODY,
                  "The body is not JSON from here on: " + e.getOriginalMessage(),
                  PATH,
                  List.of())));
      return null;
    }
  }

  private void write(OutputStream out, ImportLine line) throws IOException {
    out.write(json.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
    out.flush(); // each line is progress: the client sees it when the study is done
  }

  private static Problem problem(ProblemException e) {
    return ProblemResponses.problem(e.type(), e.getMessage(), PATH, e.violations());
  }

  private static String sourceId(JsonNode study) {
    JsonNode id = study.at("/protocolSection/identificationModule/nctId");
    return id.isTextual() ? id.asText() : null;
  }
}
