package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.ResultPage;
import org.psybiome.biomarker.service.ResultQueries;
import org.psybiome.biomarker.service.ingest.BatchParser;
import org.psybiome.biomarker.service.ingest.ResultIngestion;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Results of a trial: posted in batches by the owning consortium's pipeline. */
@Path("/api/v1/trials/{trialId}/results")
@Tag(name = "Results", description = "Biomarker and rating-scale results of registered trials")
@SecurityRequirement(name = "bearerToken")
public class ResultResource {

  private final ResultIngestion ingestion;
  private final ResultQueries queries;
  private final Caller caller;

  ResultResource(ResultIngestion ingestion, ResultQueries queries, Caller caller) {
    this.ingestion = ingestion;
    this.queries = queries;
    this.caller = caller;
  }

  @POST
  @Consumes({MediaType.APPLICATION_JSON, BatchParser.NDJSON, BatchParser.CSV})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PIPELINE)
  @Operation(
      summary = "Post a batch of results (pipeline of the owning consortium)",
      description =
          "JSON (an array of rows or {\"rows\": [...]}), NDJSON (a row per line) or CSV (a header"
              + " line). Atomic: every row is stored, or none. A row: participant, visit,"
              + " sampleId, specimen (optional), collectedAt (ISO-8601 instant), analyte, value,"
              + " unit, comparator (optional < or >: censored), qcStatus (optional, PASS).")
  @APIResponse(
      responseCode = "201",
      description = "Stored; Location names the batch",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchSummary.class)))
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  @APIResponse(
      responseCode = "409",
      description = "The trial is withdrawn, or the same Idempotency-Key is still in flight")
  @APIResponse(responseCode = "413", description = "Too many rows or too large a body")
  @APIResponse(
      responseCode = "422",
      description = "Row errors (each with its row, field and reason), or a reused key",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response post(
      @PathParam("trialId") String trialId,
      @Parameter(description = "makes a retry safe: the same key and body replay the response")
          @HeaderParam("Idempotency-Key")
          String idempotencyKey,
      @Context HttpHeaders headers,
      byte[] body) {
    MediaType type = headers.getMediaType();
    String format =
        type == null ? MediaType.APPLICATION_JSON : type.getType() + "/" + type.getSubtype();
    ResultIngestion.Outcome outcome =
        ingestion.ingest(caller, trialId, format, body, idempotencyKey);
    return Response.status(outcome.status())
        .location(URI.create("/api/v1/batches/" + outcome.batchId()))
        .type(MediaType.APPLICATION_JSON)
        .entity(outcome.body())
        .build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN})
  @Operation(summary = "List a trial's results, optionally of a participant, visit or analyte")
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  public ResultPage list(
      @PathParam("trialId") String trialId,
      @QueryParam("participant") String participant,
      @QueryParam("visit") String visit,
      @QueryParam("analyte") String analyte,
      @QueryParam("pageToken") String pageToken,
      @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(1000) int pageSize) {
    return queries.page(
        caller,
        new ResultFilter(
            trialId, blankToNull(participant), blankToNull(visit), blankToNull(analyte)),
        blankToNull(pageToken),
        pageSize);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
