package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
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
import org.psybiome.biomarker.model.CorrectionRequest;
import org.psybiome.biomarker.model.ResultHistory;
import org.psybiome.biomarker.model.ResultRevision;
import org.psybiome.biomarker.service.correct.ResultCorrections;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.persistence.idempotency.IdempotencyKeyHeader;
import org.psybiome.persistence.idempotency.Idempotent;

/**
 * Corrections of a stored result and its history. The id is digits only, so that this resource
 * never captures other paths under {@code results/} (e.g. an export).
 */
@Path("/api/v1/trials/{trialId}/results/{resultId: [0-9]+}")
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class ResultCorrectionResource {

  private final ResultCorrections corrections;
  private final Caller caller;

  ResultCorrectionResource(ResultCorrections corrections, Caller caller) {
    this.corrections = corrections;
    this.caller = caller;
  }

  @POST
  @BodyLimit(BiomarkerBodyLimits.CORRECTION)
  @Path("/corrections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PIPELINE)
  @Operation(
      operationId = "correctResult",
      summary = "Correct a stored result (pipeline of the owning consortium)",
      description =
          "Appends a correction with a mandatory reason; the reported value and earlier"
              + " corrections are kept. The value is checked and standardised like a batch row."
              + " Derived results are never corrected directly: correcting an input recomputes"
              + " the sample's derived results.")
  @APIResponse(
      responseCode = "201",
      description = "The correction; Location names the result's history",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResultRevision.class)),
      headers = @Header(name = "Location", ref = "Location"))
  @APIResponse(
      responseCode = "400",
      description = "No body, or one that is not a JSON CorrectionRequest (e.g. an unknown field)")
  @APIResponse(responseCode = "404", description = "No such result of the caller's consortium")
  @APIResponse(
      responseCode = "422",
      description =
          "The correction was not stored: the value or unit is missing or invalid, the value is"
              + " outside the analyte's plausible range, an invalid comparator or QC status, a"
              + " missing or too long reason, or a derived analyte; each is listed in violations",
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
  public Response correct(
      @PathParam("trialId") String trialId,
      @Parameter(description = "the result's id, as results and exports name it")
          @PathParam("resultId")
          String resultId,
      @RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = MediaType.APPLICATION_JSON,
                      schema = @Schema(implementation = CorrectionRequest.class)))
          CorrectionRequest request) {
    if (request == null) {
      throw ProblemException.invalid("A correction body is required", java.util.List.of());
    }
    long id = id(trialId, resultId);
    ResultRevision revision = corrections.correct(caller, trialId, id, request);
    return Response.status(Response.Status.CREATED)
        .location(URI.create("/api/v1/trials/" + trialId + "/results/" + id + "/history"))
        .entity(revision)
        .build();
  }

  @GET
  @Path("/history")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "getResultHistory",
      summary = "A result's reported value and every correction, with who, when and why")
  @APIResponse(
      responseCode = "200",
      description = "The history, oldest first; the last revision is in force",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResultHistory.class)))
  @APIResponse(
      responseCode = "403",
      description =
          "The result's value is withheld: the trial is masked, the caller may not see arms, and"
              + " the analyte reveals the allocation (the intervention's own genera; every taxon"
              + " and diversity value after FMT). The problem's detail says why.",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(responseCode = "404", description = "No such result of the caller's consortium")
  public ResultHistory history(
      @PathParam("trialId") String trialId,
      @Parameter(description = "the result's id, as results and exports name it")
          @PathParam("resultId")
          String resultId) {
    return corrections.history(caller, trialId, id(trialId, resultId));
  }

  private static long id(String trialId, String resultId) {
    try {
      return Long.parseLong(resultId);
    } catch (NumberFormatException e) {
      throw ProblemException.notFound("No result " + resultId + " of trial " + trialId);
    }
  }
}
