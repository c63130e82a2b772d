package org.psybiome.biomarker.rest;

import io.vertx.ext.web.RoutingContext;
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
import org.psybiome.biomarker.model.WithheldResults;
import org.psybiome.biomarker.service.export.ExportFormat;
import org.psybiome.biomarker.service.export.ExportPermits;
import org.psybiome.biomarker.service.export.ResultExport;
import org.psybiome.common.openapi.ApiHeaders;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** A trial's results as one streamed download. */
@Path("/api/v1/trials/{trialId}/results/export")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class ResultExportResource {

  static final String WITHHELD_RESULTS = "Psybiome-Withheld-Results";
  static final String WITHHELD_RULE = "Psybiome-Withheld-Rule";
  static final String WITHHELD_ANALYTES = "Psybiome-Withheld-Analytes";
  static final String WITHHELD_REASON = "Psybiome-Withheld-Reason";

  private final ResultExport export;
  private final ExportPermits permits;
  private final Caller caller;

  ResultExportResource(ResultExport export, ExportPermits permits, Caller caller) {
    this.export = export;
    this.permits = permits;
    this.caller = caller;
  }

  @GET
  @Produces({
    ExportFormat.CSV_TYPE,
    ExportFormat.NDJSON_TYPE,
    ExportFormat.JSON_TYPE,
    ExportFormat.FHIR_NDJSON_TYPE
  })
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "exportResults",
      summary =
          "Export a trial's results as CSV, NDJSON, an SDTM LB dataset or FHIR R4 Observations,"
              + " streamed",
      description =
          "Every result of the trial as it stands after corrections, streamed from a database"
              + " cursor: constant memory for millions of rows. The format is"
              + " ?format=csv|ndjson|sdtm-lb|sdtm-lb-csv|fhir-r4, else the Accept header (text/csv:"
              + " csv, application/x-ndjson: ndjson, application/json: sdtm-lb,"
              + " application/fhir+ndjson: fhir-r4), else CSV.\n\n"
              + "csv, ndjson (optionally of one visit and/or analyte), in id order: CSV is RFC 4180"
              + " with a header row; NDJSON has one Result object per line, shaped like the results"
              + " of GET /results. Columns: id, participant, visit, sampleId, specimen,"
              + " collectedAt, analyte, value, unit (as reported), standardValue, standardUnit,"
              + " comparator, censored, qcStatus, registered, corrected, correctedAt, batchId,"
              + " outOfWindow (true when collected outside its visit's window; NDJSON leaves it"
              + " out when false).\n\n"
              + "sdtm-lb: the CDISC SDTM LB domain (every result but rating scales) as CDISC"
              + " Dataset-JSON 1.1 (columns with itemOID, name, label, dataType, length; records;"
              + " rows); sdtm-lb-csv: the same records as CSV. Columns STUDYID, DOMAIN, USUBJID,"
              + " LBSEQ, LBTESTCD, LBTEST, LBCAT, LBORRES, LBORRESU, LBSTRESC, LBSTRESN, LBSTRESU,"
              + " LBSTAT, LBREASND, LBLOINC, LBSPEC, LBBLFL, LBDRVFL (Y for derived values), VISITNUM,"
              + " VISIT, LBDTC, LBDY;"
              + " ordered by participant, analyte, specimen, visit, collection. Not filterable.\n\n"
              + "fhir-r4: one FHIR R4 Observation per line (FHIR Bulk Data NDJSON), in id order,"
              + " optionally of one visit and/or analyte; a result collected outside its visit's window"
              + " carries a note saying so.\n\n"
              + "No format carries an arm: allocations never leave through results. While the trial"
              + " is masked, results whose values reveal the allocation (the intervention's own"
              + " genera; every taxon and diversity value after FMT) are left out for callers who"
              + " may not see arms, and the Psybiome-Withheld-* headers say how many and why.")
  @APIResponse(
      responseCode = "200",
      description =
          "The results, UTF-8, streamed (chunked, no Content-Length); Content-Disposition names"
              + " the file: <trialId>-results.csv, -results.ndjson, -lb.json, -lb.csv,"
              + " -observations.ndjson",
      content = {
        @Content(
            mediaType = ExportFormat.CSV_TYPE,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description =
                        "RFC 4180 (CRLF line ends): a header row naming the columns (format=csv:"
                            + " the results' columns; format=sdtm-lb-csv: the LB variables), then"
                            + " a row per result; an absent value is an empty field")),
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
                    parseValue = true)),
        @Content(
            mediaType = ExportFormat.JSON_TYPE,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "format=sdtm-lb: a CDISC Dataset-JSON 1.1 document of the SDTM LB domain:"
                            + " datasetJSONCreationDateTime, datasetJSONVersion (1.1.0),"
                            + " originator, studyOID (the trial id), itemGroupOID (IG.LB), records,"
                            + " name (LB), label, columns [{itemOID, name, label, dataType,"
                            + " length}], rows (one array of values per record, in column order;"
                            + " null when missing)")),
        @Content(
            mediaType = ExportFormat.FHIR_NDJSON_TYPE,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description =
                        "format=fhir-r4: one FHIR R4 Observation (JSON) per line, in id order"))
      },
      headers = {
        @Header(name = "Content-Disposition", ref = "Content-Disposition"),
        @Header(
            name = ResultExportResource.WITHHELD_RESULTS,
            description =
                "Only when results were left out: how many results matching the request are"
                    + " withheld because, while the trial is masked, their values reveal the"
                    + " allocation to a caller who may not see arms (counted as the export began)",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1")),
        @Header(
            name = ResultExportResource.WITHHELD_RULE,
            description =
                "With Psybiome-Withheld-Results: INTERVENTION_TAXA (the intervention's own genera)"
                    + " or ALL_TAXA (every MICROBIOME_TAXONOMIC analyte: FMT, or interventions not"
                    + " known)",
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    enumeration = {"INTERVENTION_TAXA", "ALL_TAXA"})),
        @Header(
            name = ResultExportResource.WITHHELD_ANALYTES,
            description =
                "With Psybiome-Withheld-Results: the analyte codes withheld, comma-separated"
                    + " (INTERVENTION_TAXA), or the layer MICROBIOME_TAXONOMIC (ALL_TAXA)",
            schema = @Schema(type = SchemaType.STRING)),
        @Header(
            name = ResultExportResource.WITHHELD_REASON,
            description = "With Psybiome-Withheld-Results: why, in words (ASCII)",
            schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "400",
      description =
          "format not one of csv, ndjson, sdtm-lb, sdtm-lb-csv, fhir-r4; a visit not in the"
              + " trial's schedule or an analyte not in the catalogue; a visit or analyte filter"
              + " with an sdtm format",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  @APIResponse(responseCode = "406", description = "Accept names none of the formats' types")
  @APIResponse(
      responseCode = "429",
      description =
          "The caller's consortium is running as many exports at once as one consortium may"
              + " (psybiome.biomarker.export.max-per-consortium); retry after Retry-After",
      headers = @Header(name = ApiHeaders.RETRY_AFTER, ref = ApiHeaders.RETRY_AFTER),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "503",
      description =
          "The service runs as many exports at once as it may"
              + " (psybiome.biomarker.export.max-concurrent), or cannot reach its database just"
              + " now; retry after Retry-After",
      headers = @Header(name = ApiHeaders.RETRY_AFTER, ref = ApiHeaders.RETRY_AFTER),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response export(
      @PathParam("trialId") String trialId,
      @Parameter(
              description =
                  "csv, ndjson, sdtm-lb, sdtm-lb-csv or fhir-r4 (case ignored); overrides the"
                      + " Accept header",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"csv", "ndjson", "sdtm-lb", "sdtm-lb-csv", "fhir-r4"}))
          @QueryParam("format")
          String format,
      @Parameter(
              description =
                  "only this visit, a visit code of the trial's schedule (not with sdtm formats)")
          @QueryParam("visit")
          String visit,
      @Parameter(
              description =
                  "only this analyte, an analyte code of the catalogue (not with sdtm formats)")
          @QueryParam("analyte")
          String analyte,
      @Context HttpHeaders headers,
      @Context RoutingContext exchange) {
    ResultExport.Download download =
        export.prepare(
            caller,
            new ResultFilter(trialId, null, blankToNull(visit), blankToNull(analyte)),
            ExportFormat.choose(blankToNull(format), headers.getAcceptableMediaTypes()));
    // the place is held until the response has ended, however it ends (a client that goes away
    // before the body is written included): closing twice is harmless
    ExportPermits.Permit permit = permits.acquire(caller.consortium().orElse(caller.subject()));
    exchange.addEndHandler(ended -> permit.close());
    StreamingOutput body =
        out -> {
          try (permit) {
            download.body().writeTo(out);
          }
        };
    Response.ResponseBuilder response =
        Response.ok(body, download.format().contentType())
            .header("Content-Disposition", "attachment; filename=\"" + download.fileName() + "\"");
    WithheldResults withheld = download.withheld();
    if (withheld != null) {
      // a file format has no place for a note that every reader sees: the headers carry it
      response
          .header(WITHHELD_RESULTS, withheld.results())
          .header(WITHHELD_RULE, withheld.rule())
          .header(
              WITHHELD_ANALYTES,
              withheld.analytes() != null
                  ? String.join(",", withheld.analytes())
                  : withheld.layer().name())
          .header(WITHHELD_REASON, withheld.reason());
    }
    return response.build();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
