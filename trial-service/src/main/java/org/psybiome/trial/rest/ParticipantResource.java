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
import org.psybiome.trial.api.EmergencyUnblinding;
import org.psybiome.trial.api.Enrolment;
import org.psybiome.trial.api.FollowUpChange;
import org.psybiome.trial.api.ParticipantPage;
import org.psybiome.trial.api.ParticipantUnblinding;
import org.psybiome.trial.api.ParticipantView;
import org.psybiome.trial.service.ParticipantService;

/** Participants of a trial: enrolment and, for its consortium, the list. */
@Path("/api/v1/trials/{id}/participants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Participants",
    description =
        "Enrolment under pseudonymous codes. Participants are seen only by the trial's"
            + " consortium; their arms stay hidden while the trial is blinded, except from its"
            + " statisticians.")
@SecurityRequirement(name = "bearerToken")
public class ParticipantResource {

  private final ParticipantService participants;
  private final Caller caller;

  ParticipantResource(ParticipantService participants, Caller caller) {
    this.participants = participants;
    this.caller = caller;
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @Operation(
      operationId = "enrolParticipant",
      summary = "Enrol a participant while the trial recruits",
      description =
          "Only while the trial is RECRUITING or ENROLLING_BY_INVITATION, into one of its arms,"
              + " on a date between its registration and today.")
  @APIResponse(
      responseCode = "201",
      description = "Enrolled; the arm is left out while the trial is blinded to the caller",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParticipantView.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "The enrolment breaks a rule: a code that could identify a person, an arm the trial"
              + " does not have, or an enrolment date before registration or in the future;"
              + " each is listed in violations")
  @APIResponse(
      responseCode = "403",
      description = "Only a registrant of the consortium that owns the trial may enrol")
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  @APIResponse(
      responseCode = "409",
      description =
          "The trial is not recruiting, or a participant with this code is already enrolled")
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response enrol(@PathParam("id") String id, @Valid @NotNull Enrolment enrolment) {
    ParticipantView participant = participants.enrol(caller, id, enrolment);
    return Response.status(Response.Status.CREATED).entity(participant).build();
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Path("/{code}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @Operation(
      operationId = "changeParticipantFollowUp",
      summary = "Record a step of a participant's follow-up",
      description =
          "RECEIVED_ALLOCATED_INTERVENTION, DID_NOT_RECEIVE_ALLOCATED_INTERVENTION (reason),"
              + " DISCONTINUED_INTERVENTION (reason), LOST_TO_FOLLOW_UP, WITHDREW_CONSENT (reason)"
              + " or COMPLETED, dated between the enrolment (or the last step) and today; nothing"
              + " after COMPLETED, LOST_TO_FOLLOW_UP or WITHDREW_CONSENT. Audited and evented"
              + " (participant-status-changed), without the arm; counted in the CONSORT flow.")
  @APIResponse(
      responseCode = "200",
      description = "The participant with its follow-up",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParticipantView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium, or no such participant in it")
  @APIResponse(
      responseCode = "409",
      description = "The participant's follow-up has ended",
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
  public Response changeFollowUp(
      @PathParam("id") String id,
      @Parameter(description = "The participant's code") @PathParam("code") String code,
      @Valid @NotNull FollowUpChange change) {
    return Response.ok(participants.changeFollowUp(caller, id, code, change)).build();
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Path("/{code}/unblinding")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.REGISTRANT, Roles.STATISTICIAN})
  @Operation(
      operationId = "unblindParticipant",
      summary = "Reveal one participant's arm in an emergency",
      description =
          "For a blinded trial only: its registrant (the investigators) or statistician learns"
              + " the participant's arm, with a reason. Every call is audited"
              + " (PARTICIPANT_UNBLINDED, without the arm) and evented"
              + " (participant-unblinded, without the arm); the participant then shows"
              + " emergencyUnblindedAt, and the arm stays hidden from everyone who may not see"
              + " allocations. The trial itself stays blinded.")
  @APIResponse(
      responseCode = "200",
      description = "The participant's arm, for the caller alone",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParticipantUnblinding.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium, or no such participant in it")
  @APIResponse(
      responseCode = "409",
      description = "The trial is not blinded: arms are visible already",
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
  public Response unblind(
      @PathParam("id") String id,
      @Parameter(description = "The participant's code") @PathParam("code") String code,
      @Valid @NotNull EmergencyUnblinding request) {
    return Response.ok(participants.emergencyUnblind(caller, id, code, request)).build();
  }

  @GET
  @RolesAllowed({
    Roles.REGISTRANT,
    Roles.STATISTICIAN,
    Roles.PIPELINE,
    Roles.READER,
    Roles.BLINDED_STATISTICIAN
  })
  @Operation(
      operationId = "listParticipants",
      summary = "List participants; arms are hidden while the trial is blinded",
      description =
          "Ordered by code, paged by cursor: pass nextPageToken back as pageToken. While the"
              + " trial is blinded only its statisticians see arms.")
  @APIResponse(
      responseCode = "200",
      description = "One page of participants",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ParticipantPage.class)))
  @APIResponse(
      responseCode = "404",
      description =
          "No such trial, or the caller is not of its consortium (participants of a public trial"
              + " are not public)")
  public ParticipantPage list(
      @PathParam("id") String id,
      @Parameter(description = "nextPageToken of the previous page; absent for the first page")
          @QueryParam("pageToken")
          String pageToken,
      @Parameter(description = "Participants per page")
          @QueryParam("pageSize")
          @DefaultValue("100")
          @Min(1)
          @Max(1000)
          int pageSize) {
    return participants.list(
        caller, id, pageToken == null || pageToken.isBlank() ? null : pageToken, pageSize);
  }
}
