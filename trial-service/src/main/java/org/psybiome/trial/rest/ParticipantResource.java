package org.psybiome.trial.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.Enrolment;
import org.psybiome.trial.api.ParticipantPage;
import org.psybiome.trial.api.ParticipantView;
import org.psybiome.trial.service.ParticipantService;

/** Participants of a trial: enrolment and, for its consortium, the list. */
@Path("/api/v1/trials/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants", description = "Enrolment under pseudonymous codes")
@SecurityRequirement(name = "bearerToken")
public class ParticipantResource {

  private final ParticipantService participants;
  private final Caller caller;

  ParticipantResource(ParticipantService participants, Caller caller) {
    this.participants = participants;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @Operation(summary = "Enrol a participant while the trial recruits")
  public Response enrol(@PathParam("id") String id, @Valid @NotNull Enrolment enrolment) {
    ParticipantView participant = participants.enrol(caller, id, enrolment);
    return Response.status(Response.Status.CREATED).entity(participant).build();
  }

  @GET
  @RolesAllowed({Roles.REGISTRANT, Roles.STATISTICIAN, Roles.PIPELINE, Roles.READER})
  @Operation(summary = "List participants; arms are hidden while the trial is blinded")
  public ParticipantPage list(
      @PathParam("id") String id,
      @QueryParam("pageToken") String pageToken,
      @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(1000) int pageSize) {
    return participants.list(
        caller, id, pageToken == null || pageToken.isBlank() ? null : pageToken, pageSize);
  }
}
