package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.ResultFilter;
import org.psybiome.biomarker.service.export.ExportFormat;
import org.psybiome.biomarker.service.export.ResultExport;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** A trial's results as one streamed download. */
@Path("/api/v1/trials/{trialId}/results/export")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class ResultExportResource {

  private final ResultExport export;
  private final Caller caller;

  ResultExportResource(ResultExport export, Caller caller) {
    this.export = export;
    this.caller = caller;
  }

  @GET
  @Produces({ExportFormat.CSV_TYPE, ExportFormat.NDJSON_TYPE})
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "exportResults",
      summary = "Export a trial's results as CSV or NDJSON, streamed",
      description =
          "Every result of the trial (optionally of one visit and/or analyte) as it stands after"
              + " corrections, in id order, streamed from a database cursor: constant memory for"
              + " millions of rows. The format is ?format=csv|ndjson, else the Accept header, else"
              + " CSV. CSV is RFC 4180 with a header row; NDJSON has one Result object per line,"
              + " shaped like the results of GET /results. Columns: id, participant, visit, sampleId,"
              + " specimen, collectedAt, analyte, value, unit (as reported), standardValue,"
              + " standardUnit, comparator, censored, qcStatus, registered, corrected,"
              + " correctedAt, batchId. No arms: allocations never leave through results.")
  @APIResponse(
      responseCode = "200",
      description =
          "The results, UTF-8, streamed (chunked, no Content-Length); Content-Disposition names"
              + " the file, <trialId>-results.csv or .ndjson",
      content = {
        @Content(
            mediaType = ExportFormat.CSV_TYPE,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description =
                        "RFC 4180 (CRLF line ends): a header row naming the columns, then a row"
                            + " per result; an absent value is an empty field")),
        // The body is text to OpenAPI 3.1 (and to Prism and generated clients); each line's
        // schema is named as OpenAPI 3.2 names it for sequential media types, itemSchema.
        @Content(
            mediaType = ExportFormat.NDJSON_TYPE,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description = "One Result JSON object per line, in id order"),
            extensions =
                @Extension(
                    name = "x-item-schema",
                    value = "{\"$ref\": \"#/components/schemas/Result\"}",
                    parseValue = true))
      },
      headers = @Header(name = "Content-Disposition", ref = "Content-Disposition"))
  @APIResponse(
      responseCode = "400",
      description =
          "format not csv or ndjson, a visit not in the trial's schedule or an analyte not in the"
              + " catalogue",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  @APIResponse(responseCode = "406", description = "Accept names neither CSV nor NDJSON")
  public Response export(
      @PathParam("trialId") String trialId,
      @Parameter(
              description = "csv or ndjson (case ignored); overrides the Accept header",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"csv", "ndjson"}))
          @QueryParam("format")
          String format,
      @Parameter(description = "only this visit, a visit code of the trial's schedule")
          @QueryParam("visit")
          String visit,
      @Parameter(description = "only this analyte, an analyte code of the catalogue")
          @QueryParam("analyte")
          String analyte,
      @Context HttpHeaders headers) {
    ResultExport.Download download =
        export.prepare(
            caller,
            new ResultFilter(trialId, null, blankToNull(visit), blankToNull(analyte)),
            ExportFormat.choose(blankToNull(format), headers.getAcceptableMediaTypes()));
    StreamingOutput body = download.body()::writeTo;
    return Response.ok(body, download.format().contentType())
        .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"")
        .build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
