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
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;
import org.psybiome.persistence.idempotency.Idempotent;
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
import org.psybiome.trial.service.IfNoneMatch;
import org.psybiome.trial.service.RenderedTrial;
import org.psybiome.trial.service.TrialQueries;
import org.psybiome.trial.service.TrialReads;
import org.psybiome.trial.service.TrialService;
import org.psybiome.trial.service.export.ExportFormat;
import org.psybiome.trial.service.export.TrialExports;

/** The trial record: register, read, search, change, and its history. */
@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Trials",
    description =
        "Psychobiotic RCT records (WHO TRDS), lifecycle, versions, audit. A draft is visible"
            + " only to its consortium (to anyone else it does not exist: 404); a registered trial"
            + " is public. Changes name the version they change in If-Match (the ETag read).")
public class TrialResource {

  /** The intervention types a search may name: those a trial record's interventions have. */
  private static final List<String> INTERVENTION_TYPES =
      java.util.Arrays.stream(
              org.psybiome.trial.model.Intervention.class
                  .getAnnotation(com.fasterxml.jackson.annotation.JsonSubTypes.class)
                  .value())
          .map(com.fasterxml.jackson.annotation.JsonSubTypes.Type::name)
          .toList();

  private static final String FHIR_JSON = "application/fhir+json";

  private static final String IF_MATCH =
      "The ETag of the version being changed, as read (a strong tag such as \"3\"); without it"
          + " the answer is 428";

  private final TrialService trials;
  private final TrialReads reads;
  private final TrialQueries queries;
  private final TrialRequestReader reader;
  private final Caller caller;
  private final TrialConfig config;
  private final TrialExports exports;

  TrialResource(
      TrialService trials,
      TrialReads reads,
      TrialQueries queries,
      TrialRequestReader reader,
      Caller caller,
      TrialConfig config,
      TrialExports exports) {
    this.trials = trials;
    this.reads = reads;
    this.queries = queries;
    this.reader = reader;
    this.caller = caller;
    this.config = config;
    this.exports = exports;
  }

  @POST
  @BodyLimit(TrialBodyLimits.RECORD)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "createTrial",
      summary = "Create a draft trial owned by the caller's consortium",
      description =
          "A draft may be incomplete; registration (leaving DRAFT) needs every WHO TRDS item."
              + " Properties the registry assigns (id, status, version ...) may be sent back as"
              + " read and are ignored; any other unknown property is a 400.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialContent.class)))
  @APIResponse(
      responseCode = "201",
      description = "Draft created, at version 1",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialView.class)),
      headers = {
        @Header(name = "Location", ref = "Location"),
        @Header(name = "ETag", ref = "ETag")
      })
  @APIResponse(
      responseCode = "403",
      description =
          "The caller is not a registrant, or the token names no consortium to own the trial")
  @APIResponse(
      responseCode = "409",
      description = "A secondary id is already claimed by another trial")
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
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
      operationId = "listTrials",
      summary = "Search trials",
      description =
          "Registered trials are public; a token also shows its consortium's drafts. Filters"
              + " combine with AND. Paged by cursor: pass nextPageToken back as pageToken, with"
              + " the same filters and sort; the last page has no nextPageToken.")
  @APIResponse(
      responseCode = "200",
      description = "One page of matching trials",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialPage.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "A parameter is invalid (unknown status or sort, a date that is not yyyy-mm-dd, a"
              + " pageSize out of range, a pageToken this service did not issue); each is listed in"
              + " violations")
  public TrialPage search(
      @Parameter(
              description =
                  "Only trials in these statuses; repeat the parameter or separate values with"
                      + " commas",
              schema = @Schema(type = SchemaType.ARRAY, implementation = TrialStatus.class))
          @QueryParam("status")
          List<String> statuses,
      @Parameter(
              description =
                  "Only trials with this condition code (ICD-10 or ICD-11, case-insensitive); a"
                      + " category such as F32 also finds its subcodes such as F32.1")
          @QueryParam("condition")
          String condition,
      @Parameter(
              description = "Only trials with an intervention of this type (case-insensitive)",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "PROBIOTIC",
                        "PREBIOTIC",
                        "SYNBIOTIC",
                        "POSTBIOTIC",
                        "FMT",
                        "DIET",
                        "PLACEBO",
                        "SHAM",
                        "STANDARD_CARE",
                        "ATTENTION_CONTROL",
                        "OTHER"
                      }))
          @QueryParam("interventionType")
          String interventionType,
      @Parameter(description = "Only trials giving a strain of this genus (case-insensitive)")
          @QueryParam("genus")
          String genus,
      @Parameter(
              description =
                  "Only trials giving a strain of this species, named with its genus (e.g."
                      + " Lactobacillus helveticus; case-insensitive)")
          @QueryParam("species")
          String species,
      @Parameter(
              description =
                  "Only trials whose primary sponsor contains this text (case-insensitive)")
          @QueryParam("sponsor")
          String sponsor,
      @Parameter(
              description = "Only trials recruiting in this country (ISO 3166-1 alpha-2, e.g. DE)")
          @QueryParam("country")
          String country,
      @Parameter(description = "Only trials owned by this consortium (exact)")
          @QueryParam("consortium")
          String consortium,
      @Parameter(
              description = "Only trials registered on or after this date",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("registeredFrom")
          String registeredFrom,
      @Parameter(
              description = "Only trials registered on or before this date",
              schema = @Schema(type = SchemaType.STRING, format = "date"))
          @QueryParam("registeredTo")
          String registeredTo,
      @Parameter(
              description =
                  "Words that must all occur in the public or scientific title or the acronym")
          @QueryParam("q")
          String text,
      @Parameter(
              description =
                  "Only the trial with this identifier in any registry (NCT03893162,"
                      + " ISRCTN12345678, a sponsor's protocol number...): exact, ignoring case"
                      + " and surrounding spaces (added in 1.1)",
              example = "NCT03893162")
          @QueryParam("secondaryId")
          String secondaryId,
      @Parameter(
              description =
                  "Order of the results, a leading '-' for descending; ties are broken by id",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "registeredOn",
                        "-registeredOn",
                        "updatedAt",
                        "-updatedAt",
                        "id",
                        "-id"
                      },
                      defaultValue = "-registeredOn"))
          @QueryParam("sort")
          @DefaultValue("-registeredOn")
          String sort,
      @Parameter(description = "Trials per page")
          @QueryParam("pageSize")
          @DefaultValue("20")
          @Min(1)
          @Max(200)
          int pageSize,
      @Parameter(description = "nextPageToken of the previous page; absent for the first page")
          @QueryParam("pageToken")
          String pageToken) {
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
            QueryParams.oneOf("interventionType", interventionType, INTERVENTION_TYPES),
            blankToNull(genus),
            blankToNull(species),
            blankToNull(sponsor),
            blankToNull(country),
            blankToNull(consortium),
            QueryParams.date("registeredFrom", registeredFrom),
            QueryParams.date("registeredTo", registeredTo),
            blankToNull(text),
            blankToNull(secondaryId),
            order,
            Math.min(pageSize, config.maxPageSize()),
            blankToNull(pageToken)));
  }

  @GET
  @Path("/{id}")
  @PermitAll
  @Operation(operationId = "getTrial", summary = "Read a trial (drafts only by their consortium)")
  @APIResponse(
      responseCode = "200",
      description = "The trial; ETag is its version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialView.class)),
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "304",
      description =
          "If-None-Match names the current version (weak comparison, RFC 9110): no body; ETag is"
              + " the version",
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  public Response get(
      @PathParam("id") String id,
      @Parameter(
              description =
                  "ETags of versions the client holds (or *): 304 without a body if one is the"
                      + " current version")
          @HeaderParam("If-None-Match")
          String ifNoneMatch) {
    if (ifNoneMatch != null) {
      int version = reads.readableVersion(caller, id);
      if (IfNoneMatch.matches(ifNoneMatch, version)) {
        return Response.notModified(jakarta.ws.rs.core.EntityTag.valueOf(IfMatch.etag(version)))
            .build();
      }
    }
    RenderedTrial trial = reads.render(caller, id);
    return Response.ok(trial.json(), MediaType.APPLICATION_JSON)
        .tag(jakarta.ws.rs.core.EntityTag.valueOf(IfMatch.etag(trial.version())))
        .build();
  }

  @GET
  @Path("/{id}/export")
  @PermitAll
  @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
  @Operation(
      operationId = "exportTrial",
      summary = "Export the trial record in an exchange format (drafts only by their consortium)",
      description =
          "format=fhir-r4: the record as a FHIR R4 (4.0.1) ResearchStudy in JSON"
              + " (application/fhir+json), with the sponsor, the planned and the actual enrolment,"
              + " the principal investigator and the sites as contained resources."
              + " format=ctgov-v2: the record as a ClinicalTrials.gov API v2 study document"
              + " (application/json); for a trial imported from ClinicalTrials.gov, the items the"
              + " record has no place for are put back as they were imported."
              + " format=who-trds: the record as the 24 items of the WHO Trial Registration Data Set"
              + " 1.3.1 (application/json), each with its number, label and value (null where the"
              + " record lacks it). Items the record lacks are otherwise left out. Readable by"
              + " whoever may read the trial.")
  @APIResponse(
      responseCode = "200",
      description =
          "The exported record, in the media type of its format; ETag is the version of the"
              + " record it shows",
      content = {
        @Content(
            mediaType = FHIR_JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "format=fhir-r4: a FHIR R4 ResearchStudy resource (resourceType"
                            + " \"ResearchStudy\"), as defined by the FHIR R4 specification, not"
                            + " by this document")),
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema =
                @Schema(
                    type = SchemaType.OBJECT,
                    description =
                        "format=ctgov-v2: a study document as ClinicalTrials.gov's API v2 defines"
                            + " it (protocolSection, resultsSection, hasResults), not this"
                            + " document. format=who-trds: {dataSet, version, items: [{item,"
                            + " label, value}]}, the 24 items of the WHO TRDS in order"))
      },
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "400",
      description = "format is missing or not one of the formats offered; the violation names them")
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  public Response export(
      @PathParam("id") String id,
      @Parameter(
              required = true,
              description = "The format to export in",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"fhir-r4", "ctgov-v2", "who-trds"}))
          @QueryParam("format")
          String format) {
    ExportFormat chosen =
        ExportFormat.parse(format)
            .orElseThrow(
                () -> {
                  String rule = "must be one of " + ExportFormat.parameters();
                  return ProblemException.invalid(
                      "Query parameter 'format' " + rule, List.of(Violation.of("format", rule)));
                });
    TrialExports.Export export = exports.export(caller, id, chosen);
    return Response.ok(export.body(), export.mediaType())
        .tag(jakarta.ws.rs.core.EntityTag.valueOf(IfMatch.etag(export.version())))
        .build();
  }

  @PUT
  @BodyLimit(TrialBodyLimits.RECORD)
  @Path("/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "replaceTrial",
      summary = "Replace the trial's record",
      description =
          "Requires If-Match with the ETag read (428 without, 412 if stale). After registration"
              + " a changeReason is required and every TRDS item must stay present. A body equal"
              + " to the current record changes nothing and keeps the version.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialRequestReader.Replacement.class)))
  @APIResponse(
      responseCode = "200",
      description = "The trial as replaced; ETag is its new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialView.class)),
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "400",
      description =
          "The record breaks a rule, or a registered trial is changed without a changeReason;"
              + " each is listed in violations")
  @APIResponse(
      responseCode = "403",
      description = "Only a registrant of the consortium that owns the trial may change it")
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  @APIResponse(
      responseCode = "409",
      description =
          "A secondary id is already claimed by another trial, or the masking of a registered"
              + " (still blinded) trial would be switched on or off")
  @APIResponse(
      responseCode = "412",
      description = "If-Match names a version that is no longer the current one; ETag names it",
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "422",
      description = "The trial is registered and the record lacks WHO TRDS items; each is listed")
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response update(
      @PathParam("id") String id,
      @Parameter(required = true, description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
      @NotNull JsonNode body)
      throws JsonProcessingException {
    var write = reader.read(body);
    TrialView trial = trials.update(caller, id, ifMatch, write.content(), write.changeReason());
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Path("/{id}/status")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.REGISTRANT)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "changeTrialStatus",
      summary = "Change the recruitment status",
      description =
          "Leaving DRAFT registers the trial (every WHO TRDS item must be present). Statuses only"
              + " move forward; COMPLETED, TERMINATED and WITHDRAWN are final; a trial with"
              + " participants is TERMINATED, not WITHDRAWN. A reason is required once the trial"
              + " is registered and whenever it stops. Requires If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The trial in its new status; ETag is its new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialView.class)),
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "400",
      description =
          "The body breaks a rule: a reason is missing where one is required, or the effective"
              + " date is in the future or before the current status took effect")
  @APIResponse(
      responseCode = "403",
      description = "Only a registrant of the consortium that owns the trial may change it")
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  @APIResponse(
      responseCode = "409",
      description = "The lifecycle does not allow this transition; detail names the allowed ones")
  @APIResponse(
      responseCode = "412",
      description = "If-Match names a version that is no longer the current one; ETag names it",
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "422",
      description = "Registering a draft whose record lacks WHO TRDS items; each is listed")
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response changeStatus(
      @PathParam("id") String id,
      @Parameter(required = true, description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull StatusChange change) {
    TrialView trial = trials.changeStatus(caller, id, ifMatch, change);
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Path("/{id}/unblinding")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.STATISTICIAN)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "unblindTrial",
      summary = "Unblind a masked trial (irreversible; statisticians of its consortium)",
      description =
          "From then on everyone who may read the trial sees participants' arms. Requires"
              + " If-Match.")
  @APIResponse(
      responseCode = "200",
      description = "The unblinded trial; ETag is its new version",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialView.class)),
      headers = @Header(name = "ETag", ref = "ETag"))
  @APIResponse(
      responseCode = "403",
      description = "Only a statistician of the consortium that owns the trial may unblind it")
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  @APIResponse(
      responseCode = "409",
      description = "The trial is a draft, open-label, or already unblinded")
  @APIResponse(
      responseCode = "412",
      description = "If-Match names a version that is no longer the current one; ETag names it",
      headers = @Header(name = "ETag", ref = "ETag"))
  @Idempotent
  @Parameter(
      name = IdempotencyKeyHeader.NAME,
      in = ParameterIn.HEADER,
      description = IdempotencyKeyHeader.DESCRIPTION,
      schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255))
  public Response unblind(
      @PathParam("id") String id,
      @Parameter(required = true, description = IF_MATCH) @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull Unblinding request) {
    TrialView trial = trials.unblind(caller, id, ifMatch, request);
    return Response.ok(trial).tag(etag(trial)).build();
  }

  @GET
  @Path("/{id}/versions")
  @PermitAll
  @Operation(
      operationId = "listTrialVersions",
      summary = "List every version of the trial, oldest first",
      description = "Without records; who made each change is shown to the owning consortium only.")
  @APIResponse(
      responseCode = "200",
      description = "Every version, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = VersionView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  public List<VersionView> versions(@PathParam("id") String id) {
    return queries.versions(caller, id);
  }

  @GET
  @Path("/{id}/versions/{version}")
  @PermitAll
  @Operation(operationId = "getTrialVersion", summary = "Read one past version, with its record")
  @APIResponse(
      responseCode = "200",
      description = "The version, with the record as it was then",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VersionView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial or version, or a draft of another consortium")
  public VersionView version(
      @PathParam("id") String id,
      @Parameter(description = "The version number, from 1") @PathParam("version") @Min(1)
          int version) {
    return queries.version(caller, id, version);
  }

  @GET
  @Path("/{id}/diff")
  @PermitAll
  @Operation(
      operationId = "diffTrialVersions",
      summary = "The difference between two versions (RFC 6902 operations)",
      description =
          "Compares the status and record each version fixed; paths start with /status or"
              + " /record.")
  @APIResponse(
      responseCode = "200",
      description = "The changes from one version to the other",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = VersionDiff.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial or version, or a draft of another consortium")
  public VersionDiff diff(
      @PathParam("id") String id,
      @Parameter(description = "The version to compare from") @QueryParam("from") @NotNull @Min(1)
          Integer from,
      @Parameter(description = "The version to compare to") @QueryParam("to") @NotNull @Min(1)
          Integer to) {
    return queries.diff(caller, id, from, to);
  }

  @GET
  @Path("/{id}/audit")
  @RolesAllowed({
    Roles.REGISTRANT,
    Roles.STATISTICIAN,
    Roles.PIPELINE,
    Roles.READER,
    Roles.CURATOR,
    Roles.BLINDED_STATISTICIAN
  })
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "listTrialAudit",
      summary = "The append-only audit trail (the owning consortium only)",
      description =
          "Oldest first, paged by cursor: pass nextPageToken back as pageToken. While the trial"
              + " is blinded, enrolment entries leave out the arm except for its statisticians.")
  @APIResponse(
      responseCode = "200",
      description = "One page of audit entries",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AuditPage.class)))
  @APIResponse(
      responseCode = "404",
      description =
          "No such trial, or the caller is not of its consortium (the audit trail of a public"
              + " trial is not public)")
  public AuditPage audit(
      @PathParam("id") String id,
      @Parameter(description = "nextPageToken of the previous page; absent for the first page")
          @QueryParam("pageToken")
          String pageToken,
      @Parameter(description = "Entries per page")
          @QueryParam("pageSize")
          @DefaultValue("100")
          @Min(1)
          @Max(500)
          int pageSize) {
    return queries.audit(caller, id, blankToNull(pageToken), pageSize);
  }

  private static jakarta.ws.rs.core.EntityTag etag(TrialView trial) {
    return jakarta.ws.rs.core.EntityTag.valueOf(IfMatch.etag(trial.version()));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
