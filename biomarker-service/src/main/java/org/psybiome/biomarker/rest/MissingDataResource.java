package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.MissingData;
import org.psybiome.biomarker.service.MissingDataTables;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** A trial's missing-data table of an analyte. */
@Path("/api/v1/trials/{trialId}/missing-data")
@Tag(name = "Summaries", description = "Descriptive statistics and arm comparisons of results")
@SecurityRequirement(name = "bearerToken")
public class MissingDataResource {

  private final MissingDataTables tables;
  private final Caller caller;

  MissingDataResource(MissingDataTables tables, Caller caller) {
    this.tables = tables;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.STATISTICIAN,
    Roles.READER,
    Roles.PIPELINE,
    Roles.REGISTRANT,
    Roles.BLINDED_STATISTICIAN
  })
  @Operation(
      operationId = "getMissingData",
      summary = "Count expected, observed and missing results of an analyte per visit and arm",
      description =
          "Per visit of the schedule, in its order: expected (the participants enrolled, or 0"
              + " when the schedule does not pre-register the analyte at the visit), then each"
              + " participant once by the latest result at the visit (of any specimen, results"
              + " with qcStatus FAIL skipped): outOfWindow when it was collected outside the"
              + " visit's window (date, UTC, not within enrolment date + dayOffset ± windowDays),"
              + " else censored, else observed; failedQc when every result failed QC; missing is"
              + " expected minus those, never below 0. Pooled, and per arm (the arm of the"
              + " visit's period in a crossover trial) unless the trial is blinded and the caller"
              + " is not the consortium's statistician: then pooled only, with byArm false. Open"
              + " to whoever may read pooled summaries.")
  @APIResponse(
      responseCode = "200",
      description = "The table",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = MissingData.class)))
  @APIResponse(
      responseCode = "400",
      description = "analyte missing",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "The caller's role may not read summaries",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium, or no such analyte",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public MissingData get(
      @PathParam("trialId") String trialId,
      @Parameter(description = "an analyte code of the catalogue", required = true)
          @QueryParam("analyte")
          String analyte) {
    return tables.table(caller, trialId, analyte == null || analyte.isBlank() ? null : analyte);
  }
}
