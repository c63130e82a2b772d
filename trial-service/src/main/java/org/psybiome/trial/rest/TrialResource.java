package org.psybiome.trial.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.trial.api.AuditPage;
import org.psybiome.trial.api.StatusChange;
import org.psybiome.trial.api.TrialPage;
import org.psybiome.trial.api.TrialSearchQuery;
import org.psybiome.trial.api.TrialSort;
import org.psybiome.trial.api.TrialView;
import org.psybiome.trial.api.Unblinding;
import org.psybiome.trial.api.VersionDiff;
import org.psybiome.trial.api.VersionView;
import org.psybiome.trial.config.TrialConfig;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.IfMatch;
import org.psybiome.trial.service.TrialQueries;
import org.psybiome.trial.service.TrialService;

/** The trial record: register, read, search, change, and its history. */
@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Trials",
    description = "Psychobiotic RCT records (WHO TRDS), lifecycle, versions, audit")
@APIResponse(
    responseCode = "400",
    description = "Invalid request, with field violations",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TrialResource {

  private final TrialService trials;
  private final TrialQueries queries;
  private final TrialRequestReader reader;
  private final Caller caller;
  private final TrialConfig config;

  TrialResource(
      TrialService trials,
      TrialQueries queries,
      TrialRequestReader reader,
      Caller caller,
      TrialConfig config) {
    this.trials = trials;
    this.queries = queries;
    this.reader = reader;
    this.caller = caller;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(summary = "Create a draft trial owned by the caller's consortium")
  @RequestBody(content = @Content(schema = @Schema(implementation = TrialContent.class)))
  @APIResponse(responseCode = "201", description = "Draft created; Location and ETag set")
  public Response create(@NotNull JsonNode body, UriInfo uri) throws JsonProcessingException {
    TrialView trial = trials.create(caller, reader.read(body).content());
    return Response.created(URI.create("/api/v1/trials/" + trial.id()))
        .tag(etag(trial))
        .entity(trial)
        .build();
  }

  @GET
  @PermitAll
  @Operation(
      summary = "Search trials",
      description =
          "Registered trials are public; a token also shows its consortium's drafts. Paged by"
              + " cursor: pass nextPageToken back as pageToken.")
  public TrialPage search(
      @QueryParam("status") List<String> statuses,
      @QueryParam("condition") String condition,
      @QueryParam("interventionType") String interventionType,
      @QueryParam("genus") String genus,
      @QueryParam("species") String species,
      @QueryParam("sponsor") String sponsor,
      @QueryParam("country") String country,
      @QueryParam("consortium") String consortium,
      @QueryParam("registeredFrom") String registeredFrom,
      @QueryParam("registeredTo") String registeredTo,
      @QueryParam("q") String text,
      @QueryParam("sort") @DefaultValue("-registeredOn") String sort,
      @QueryParam("pageSize") @DefaultValue("20") @Min(1) @Max(200) int pageSize,
      @QueryParam("pageToken") String pageToken) {
    TrialSort order =
        TrialSort.parse(sort)
            .orElseThrow(
                () ->
                    ProblemException.invalid(
                        "Unknown sort",
                        List.of(
                            Violation.of(
                                "sort",
                                "must be one of "
                                    + java.util.Arrays.stream(TrialSort.values())
                                        .map(TrialSort::parameter)
                                        .toList()))));
    return queries.search(
        caller,
        new TrialSearchQuery(
            QueryParams.enums("status", statuses, TrialStatus.class),
            blankToNull(condition),
            blankToNull(interventionType),
            blankToNull(genus),
            blankToNull(species),
            blankToNull(sponsor),
            blankToNull(country),
            blankToNull(consortium),
            QueryParams.date("registeredFrom", registeredFrom),
            QueryParams.date("registeredTo", registeredTo),
            blankToNull(text),
            order,
            Math.min(pageSize, config.maxPageSize()),
            blankToNull(pageToken)));
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Operation(summary = "Read a trial (drafts only by their consortium)")
  @APIResponse(responseCode = "200", description = "The trial; ETag is its version")
  public Response get(@PathParam("id") String id) {
    TrialView trial = trials.get(caller, id);
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @PUT
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      summary = "Replace the trial's record",
      description =
          "Requires If-Match with the ETag read (428 without, 412 if stale). After registration"
              + " a changeReason is required and every TRDS item must stay present.")
  @RequestBody(content = @Content(schema = @Schema(implementation = TrialContent.class)))
  public Response update(
      @PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, @NotNull JsonNode body)
      throws JsonProcessingException {
    var write = reader.read(body);
    TrialView trial = trials.update(caller, id, ifMatch, write.content(), write.changeReason());
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @POST
  @Path("/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      summary = "Change the recruitment status",
      description =
          "Leaving DRAFT registers the trial. A refused transition is a 409 naming the allowed"
              + " ones. Requires If-Match.")
  public Response changeStatus(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull StatusChange change) {
    TrialView trial = trials.changeStatus(caller, id, ifMatch, change);
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @POST
  @Path("/{id}/unblinding")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STATISTICIAN)
  @SecurityRequirement(name = "bearerToken")
  @Operation(summary = "Unblind a masked trial (irreversible; statisticians of its consortium)")
  public Response unblind(
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull Unblinding request) {
    TrialView trial = trials.unblind(caller, id, ifMatch, request);
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @GET
  @Path("/{id}/versions")
  @PermitAll
  @Operation(summary = "List every version of the trial")
  public List<VersionView> versions(@PathParam("id") String id) {
    return queries.versions(caller, id);
  }

  @GET
  @Path("/{id}/versions/{version}")
  @PermitAll
  @Operation(summary = "Read one past version, with its record")
  public VersionView version(
      @PathParam("id") String id, @PathParam("version") @Min(1) int version) {
    return queries.version(caller, id, version);
  }

  @GET
  @Path("/{id}/diff")
  @PermitAll
  @Operation(summary = "The difference between two versions (RFC 6902 operations)")
  public VersionDiff diff(
      @PathParam("id") String id,
      @QueryParam("from") @NotNull @Min(1) Integer from,
      @QueryParam("to") @NotNull @Min(1) Integer to) {
    return queries.diff(caller, id, from, to);
  }

  @GET
  @Path("/{id}/audit")
  @RolesAllowed({Roles.REGISTRANT, Roles.STATISTICIAN, Roles.PIPELINE, Roles.READER, Roles.CURATOR})
  @SecurityRequirement(name = "bearerToken")
  @Operation(summary = "The append-only audit trail (the owning consortium only)")
  public AuditPage audit(
      @PathParam("id") String id,
      @QueryParam("pageToken") String pageToken,
      @QueryParam("pageSize") @DefaultValue("100") @Min(1) @Max(500) int pageSize) {
    return queries.audit(caller, id, blankToNull(pageToken), pageSize);
  }

  private static jakarta.ws.rs.core.EntityTag etag(TrialView trial) {
    return jakarta.ws.rs.core.EntityTag.valueOf(IfMatch.etag(trial.version()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
