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
import org.psybiome.biomarker.model.TrialResultCounts;
import org.psybiome.biomarker.service.ResultCounts;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** How many results a trial has per visit and analyte (the gateway's overview shows them). */
@Path("/api/v1/trials/{trialId}/results/counts")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class ResultCountResource {

  private final ResultCounts counts;
  private final Caller caller;

  ResultCountResource(ResultCounts counts, Caller caller) {
    this.counts = counts;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "countResults",
      summary = "Count a trial's results per visit and analyte, censored ones apart")
  @APIResponse(
      responseCode = "200",
      description = "The counts",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialResultCounts.class)))
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  public TrialResultCounts get(@PathParam("trialId") String trialId) {
    return counts.counts(caller, trialId);
  }
}
