package org.psybiome.trial.rest;

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
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.ConsortFlow;
import org.psybiome.trial.service.ConsortFlows;

/** A trial's CONSORT flow, from its participants and their follow-up. */
@Path("/api/v1/trials/{id}/consort")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
@SecurityRequirement(name = "bearerToken")
public class ConsortResource {

  private final ConsortFlows flows;
  private final Caller caller;

  ConsortResource(ConsortFlows flows, Caller caller) {
    this.flows = flows;
    this.caller = caller;
  }

  @GET
  @RolesAllowed({Roles.REGISTRANT, Roles.STATISTICIAN, Roles.READER, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "getConsortFlow",
      summary = "The trial's CONSORT 2010 flow",
      description =
          "Assessed for eligibility and excluded (from the screening log, plus those enrolled);"
              + " participants allocated; who received the allocated intervention or not, discontinued,"
              + " was lost to follow-up, withdrew consent or completed, with the reasons given;"
              + " emergency unblindings. Pooled, and per arm for those who may see arms (while the"
              + " trial is blinded: its statisticians). Each participant counts once in each box"
              + " whose status it ever had. The analysis (analysed) is added by the gateway.")
  @APIResponse(
      responseCode = "200",
      description = "The flow",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConsortFlow.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or the caller is not of its consortium")
  public ConsortFlow consort(@PathParam("id") String id) {
    return flows.consort(caller, id);
  }
}
