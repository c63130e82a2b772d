package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.BatchCheck;
import org.psybiome.biomarker.model.ResultRow;
import org.psybiome.biomarker.service.ingest.BatchParser;
import org.psybiome.biomarker.service.ingest.ResultIngestion;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;

/**
 * A dry run of posting a result batch: the POST's checks and answers, nothing stored. Pipelines
 * check a whole file batch by batch before they store any of it.
 */
@Path("/api/v1/trials/{trialId}/results/validate")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class ResultValidationResource {

  private final ResultIngestion ingestion;
  private final Caller caller;

  ResultValidationResource(ResultIngestion ingestion, Caller caller) {
    this.ingestion = ingestion;
    this.caller = caller;
  }

  @POST
  // every row is checked before any is stored: no need to hold 64 MB before reading
  @BodyLimit(value = BiomarkerBodyLimits.BATCH, streamed = true)
  @Consumes({BatchParser.CSV, MediaType.APPLICATION_JSON, BatchParser.NDJSON})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PIPELINE)
  @Operation(
      operationId = "validateResults",
      summary = "Check a batch of results as posting it would, storing nothing (pipeline)",
      description =
          "Takes the body postResults takes and answers what postResults would answer to it,"
              + " with the same checks and problems (400, 404, 409, 413, 422 with every row"
              + " error), but stores nothing: no batch, no result, no event, and an"
              + " Idempotency-Key is looked up, never claimed. Where postResults would store the"
              + " batch (201), this answers 200 with what it would store; where its"
              + " Idempotency-Key would replay a stored batch, 200 with that batch. A batch that"
              + " passes can still be refused by postResults if another batch stores results"
              + " for the same samples and analytes in between.")
  @APIResponse(
      responseCode = "200",
      description =
          "postResults would store the batch (outcome STORE) or replay a stored one (REPLAY)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchCheck.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "The body cannot be read as a batch, or the Idempotency-Key is malformed (as"
              + " postResults)")
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  @APIResponse(
      responseCode = "409",
      description =
          "The trial is withdrawn, or a request with the same Idempotency-Key is in flight"
              + " (with Retry-After)")
  @APIResponse(
      responseCode = "413",
      description = "More rows than a batch may carry, or a body larger than the service's limit")
  @APIResponse(
      responseCode = "422",
      description =
          "postResults would refuse the batch: the same problem, row errors in violations with"
              + " row, field and reason; a batch without rows; or an Idempotency-Key used"
              + " before with another body or trial",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description =
          "The key the batch will be posted with, if any: a key that would replay a"
              + " stored batch is answered with it (outcome REPLAY), one used for"
              + " another body with 422, one in flight with 409, as postResults would."
              + " Not claimed.",
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public BatchCheck validate(
      @PathParam("trialId") String trialId,
      @Context HttpHeaders headers,
      @RequestBody(
              required = true,
              description = "The batch's rows, in any format postResults takes",
              content = {
                @Content(
                    mediaType = BatchParser.CSV,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description = "A header line naming ResultRow fields, a row per line")),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema =
                        @Schema(
                            type = SchemaType.ARRAY,
                            implementation = ResultRow.class,
                            description = "An array of rows ({\"rows\": [...]} is read too)")),
                @Content(
                    mediaType = BatchParser.NDJSON,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description = "One ResultRow JSON object per line"))
              })
          byte[] body) {
    // read raw: @HeaderParam turns an empty header into null, which would skip the key's check
    String idempotencyKey = headers.getHeaderString(IdempotencyKeyHeader.NAME);
    MediaType type = headers.getMediaType();
    String format =
        type == null ? MediaType.APPLICATION_JSON : type.getType() + "/" + type.getSubtype();
    ResultIngestion.Validation validation =
        ingestion.validate(caller, trialId, format, body, idempotencyKey);
    return BatchCheck.of(validation.batch(), validation.replay());
  }
}
