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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
  @Path("/corrections")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.PIPELINE)
  @Operation(
      summary = "Correct a stored result (pipeline of the owning consortium)",
      description =
          "Appends a correction with a mandatory reason; the reported value and earlier"
              + " corrections are kept. Derived results of the sample are recomputed.")
  @APIResponse(
      responseCode = "201",
      description = "The correction; Location names the result's history",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResultRevision.class)))
  @APIResponse(responseCode = "404", description = "No such result of the caller's consortium")
  @APIResponse(
      responseCode = "422",
      description = "Invalid value, unit, comparator, QC status or missing reason",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response correct(
      @PathParam("trialId") String trialId,
      @PathParam("resultId") String resultId,
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
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN})
  @Operation(summary = "A result's reported value and every correction, with who, when and why")
  @APIResponse(responseCode = "404", description = "No such result of the caller's consortium")
  public ResultHistory history(
      @PathParam("trialId") String trialId, @PathParam("resultId") String resultId) {
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
