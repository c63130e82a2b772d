package org.psybiome.trial.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;
import org.psybiome.persistence.idempotency.Idempotent;
import org.psybiome.trial.api.Screening;
import org.psybiome.trial.service.ConsortFlows;

/** The screening log: people assessed for eligibility and not enrolled. */
@Path("/api/v1/trials/{id}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
@SecurityRequirement(name = "bearerToken")
public class ScreeningResource {

  private final ConsortFlows flows;
  private final Caller caller;

  ScreeningResource(ConsortFlows flows, Caller caller) {
    this.flows = flows;
    this.caller = caller;
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @Operation(
      operationId = "logScreening",
      summary = "Log a person assessed for eligibility and not enrolled",
      description =
          "Anonymous (no code): when, and why not (NOT_MEETING_INCLUSION_CRITERIA,"
              + " DECLINED_TO_PARTICIPATE, OTHER with a reason). Audited; counted in the CONSORT"
              + " flow.")
  @APIResponse(
      responseCode = "201",
      description = "Logged",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Screening.class)))
  @APIResponse(
      responseCode = "409",
      description = "The trial is a draft",
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
  public Response log(@PathParam("id") String id, @Valid @NotNull Screening screening) {
    return Response.status(Response.Status.CREATED)
        .entity(flows.screened(caller, id, screening))
        .build();
  }
}
