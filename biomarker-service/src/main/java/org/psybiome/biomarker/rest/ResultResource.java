package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.model.ResultPage;
import org.psybiome.biomarker.model.ResultRow;
import org.psybiome.biomarker.service.ResultQueries;
import org.psybiome.biomarker.service.ingest.BatchParser;
import org.psybiome.biomarker.service.ingest.ResultIngestion;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;

/** Results of a trial: posted in batches by the owning consortium's pipeline. */
@Path("/api/v1/trials/{trialId}/results")
@Tag(
    name = "Results",
    description =
        "Biomarker and rating-scale results of registered trials. They belong to the consortium"
            + " that owns the trial: to anyone else its trial answers 404, like an unknown one.")
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
  // every row is checked before any is stored: no need to hold 64 MB before reading
  @BodyLimit(value = BiomarkerBodyLimits.BATCH, streamed = true)
  // CSV first: generated clients send the first type, and a lab pipeline's batch is a CSV file.
  @Consumes({BatchParser.CSV, MediaType.APPLICATION_JSON, BatchParser.NDJSON})
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PIPELINE)
  @Operation(
      operationId = "postResults",
      summary = "Post a batch of results (pipeline of the owning consortium)",
      description =
          "JSON (an array of ResultRow objects or {\"rows\": [...]}), NDJSON (a ResultRow object"
              + " per line) or CSV (a header line naming ResultRow fields, then a row per line);"
              + " UTF-8, a leading byte-order mark is ignored. At most 100 000 rows. Atomic: every"
              + " row is stored, or none; a refused batch lists every row error at once (the"
              + " first 1 000). Derived analytes (ratios, diversity) are computed from their"
              + " inputs and stored with the batch. With an Idempotency-Key a retry is safe.")
  @APIResponse(
      responseCode = "201",
      description =
          "Stored; Location names the batch. A repeat of a completed request with the same"
              + " Idempotency-Key and body is answered the same way, with the first answer's body"
              + " and Location, and stores nothing.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchSummary.class)),
      headers = @Header(name = "Location", ref = "Location"))
  @APIResponse(
      responseCode = "400",
      description =
          "The body cannot be read as a batch: JSON that is not well-formed or neither an array"
              + " nor {\"rows\": [...]}, CSV that is not well-formed or has no usable header; or"
              + " an Idempotency-Key that is empty, longer than 255 characters or not visible ASCII")
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  @APIResponse(
      responseCode = "409",
      description =
          "The trial is withdrawn; a request with the same Idempotency-Key is still in flight;"
              + " or another batch stored results for some of the same samples and analytes"
              + " meanwhile (nothing was stored: retry)")
  @APIResponse(
      responseCode = "413",
      description =
          "More than 100 000 rows (split the batch), or a body larger than the service's limit"
              + " (64 MB unless configured otherwise)")
  @APIResponse(
      responseCode = "422",
      description =
          "The batch was not stored: row errors, each in violations with its row (1-based data"
              + " row), field and reason, or errors of the CSV header without a row (an unknown"
              + " or missing column); a batch without rows; or an Idempotency-Key used before"
              + " with another body or trial",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description =
          "Makes a retry safe: a key of 1 to 255 visible ASCII characters (e.g. a UUID)"
              + " per batch, the caller's consortium's own. The same key with the same"
              + " body and trial replays the first answer for 7 days, with"
              + " Idempotent-Replayed: true; with another body or trial it is refused"
              + " (422); while the first request is in flight, 409 with Retry-After. A"
              + " request that fails frees its key.",
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response post(
      @PathParam("trialId") String trialId,
      @Context HttpHeaders headers,
      @RequestBody(
              required = true,
              description = "The batch's rows, in one of three formats",
              content = {
                @Content(
                    mediaType = BatchParser.CSV,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description =
                                "RFC 4180 CSV: a header line naming the columns, in any order,"
                                    + " then a result per line. Columns are the ResultRow fields:"
                                    + " participant, visit, sampleId, collectedAt, analyte,"
                                    + " value, unit (required) and specimen, comparator,"
                                    + " qcStatus, assayMethod, assayKit, assayLot, assayRun,"
                                    + " lloq, uloq, basis (optional); an empty field is absent,"
                                    + " values"
                                    + " are trimmed, blank lines are skipped."),
                    examples =
                        @ExampleObject(
                            name = "rows",
                            value =
                                "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
                                    + "MG-0001,W0,S-0001,2026-03-01T08:15:00Z,IL6,2.5,pg/mL\n")),
                @Content(
                    mediaType = MediaType.APPLICATION_JSON,
                    schema =
                        @Schema(
                            type = SchemaType.ARRAY,
                            implementation = ResultRow.class,
                            description =
                                "An array of rows. The object {\"rows\": [...]} is read too;"
                                    + " it is not declared as an alternative here because"
                                    + " generated clients cannot express a choice between an"
                                    + " array and an object."),
                    examples =
                        @ExampleObject(
                            name = "rows",
                            value =
                                "[{\"participant\": \"MG-0001\", \"visit\": \"W0\","
                                    + " \"sampleId\": \"S-0001\", \"collectedAt\":"
                                    + " \"2026-03-01T08:15:00Z\", \"analyte\": \"IL6\","
                                    + " \"value\": 2.5, \"unit\": \"pg/mL\"}]")),
                @Content(
                    mediaType = BatchParser.NDJSON,
                    schema =
                        @Schema(
                            type = SchemaType.STRING,
                            description =
                                "One ResultRow JSON object per line (LF or CRLF); blank lines are"
                                    + " skipped. A line that is not JSON is a row error.",
                            // a schema example, since an example object's value is read as JSON,
                            // which keeps the first line only
                            example =
                                "{\"participant\": \"MG-0001\", \"visit\": \"W0\","
                                    + " \"sampleId\": \"S-0001\", \"collectedAt\":"
                                    + " \"2026-03-01T08:15:00Z\", \"analyte\": \"IL6\","
                                    + " \"value\": 2.5, \"unit\": \"pg/mL\"}\n"
                                    + "{\"participant\": \"MG-0002\", \"visit\": \"W0\","
                                    + " \"sampleId\": \"S-0002\", \"collectedAt\":"
                                    + " \"2026-03-01T08:40:00Z\", \"analyte\": \"IL6\","
                                    + " \"value\": 0.5, \"comparator\": \"<\","
                                    + " \"unit\": \"pg/mL\"}\n"))
              })
          byte[] body) {
    // read raw: @HeaderParam turns an empty header into null, which would skip the key's check
    String idempotencyKey = headers.getHeaderString(IdempotencyKeyHeader.NAME);
    MediaType type = headers.getMediaType();
    String format =
        type == null ? MediaType.APPLICATION_JSON : type.getType() + "/" + type.getSubtype();
    ResultIngestion.Outcome outcome =
        ingestion.ingest(caller, trialId, format, body, idempotencyKey);
    Response.ResponseBuilder response =
        Response.status(outcome.status())
            .location(URI.create("/api/v1/batches/" + outcome.batchId()))
            .type(MediaType.APPLICATION_JSON)
            .entity(outcome.body());
    if (outcome.replayed()) {
      response.header(IdempotencyKeyHeader.REPLAYED, "true");
    }
    return response.build();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "listResults",
      summary = "List a trial's results, optionally of a participant, visit or analyte",
      description =
          "Results as they stand after corrections, by id, a page at a time: pass a page's"
              + " nextPageToken as pageToken for the next; the last page has none. Results stored"
              + " meanwhile are neither repeated nor skipped. No arms: allocations never leave"
              + " through results. While the trial is masked, results whose values reveal the"
              + " allocation (the intervention's own genera; every taxon and diversity value"
              + " after FMT) are left out for callers who may not see arms, and the page's"
              + " withheld says how many and why.")
  @APIResponse(
      responseCode = "200",
      description = "A page of results",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResultPage.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A visit not in the trial's schedule, an analyte not in the catalogue, a pageToken this"
              + " service did not issue, or a pageSize outside 1 to 1000")
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  public ResultPage list(
      @PathParam("trialId") String trialId,
      @Parameter(description = "only this participant's results (an unknown code: none)")
          @QueryParam("participant")
          String participant,
      @Parameter(description = "only this visit, a visit code of the trial's schedule")
          @QueryParam("visit")
          String visit,
      @Parameter(description = "only this analyte, an analyte code of the catalogue")
          @QueryParam("analyte")
          String analyte,
      @Parameter(description = "the previous page's nextPageToken; absent for the first page")
          @QueryParam("pageToken")
          String pageToken,
      @Parameter(description = "results per page")
          @QueryParam("pageSize")
          @DefaultValue("100")
          @Min(1)
          @Max(1000)
          int pageSize) {
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
