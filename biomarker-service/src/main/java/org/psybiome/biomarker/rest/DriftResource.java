package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.DriftReport;
import org.psybiome.biomarker.service.DriftReports;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** A trial's registered-vs-reported drift report. */
@Path("/api/v1/trials/{trialId}/drift")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class DriftResource {

  private final DriftReports reports;
  private final Caller caller;

  DriftResource(DriftReports reports, Caller caller) {
    this.reports = reports;
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
      operationId = "getDrift",
      summary = "Registered against reported analytes, per visit",
      description =
          "Per visit of the trial's current schedule: the analytes it pre-registers (its panels'"
              + " analytes and its scales), the analytes reported with their result counts, those"
              + " reported without pre-registration and those pre-registered but never reported;"
              + " visits with results that the schedule no longer has come last. Corrected"
              + " results count as they stand. Counts only, no values: the consortium's"
              + " registrants may read it too.")
  @APIResponse(
      responseCode = "200",
      description = "The report",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = DriftReport.class)))
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  public DriftReport get(@PathParam("trialId") String trialId) {
    return reports.report(caller, trialId);
  }
}
