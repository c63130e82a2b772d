package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.BatchSummary;
import org.psybiome.biomarker.service.BatchQueries;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Ingested batches, as their POST answered them. */
@Path("/api/v1/batches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Results")
@SecurityRequirement(name = "bearerToken")
public class BatchResource {

  private final BatchQueries batches;
  private final Caller caller;

  BatchResource(BatchQueries batches, Caller caller) {
    this.batches = batches;
    this.caller = caller;
  }

  @GET
  @Path("/{id}")
  @RolesAllowed({Roles.PIPELINE, Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN})
  @Operation(
      operationId = "getBatch",
      summary = "Read a batch's summary (owning consortium)",
      description =
          "The batch as its POST answered it: counts, analytes and visits, never its rows. Who may"
              + " read the trial's results may read its batches.")
  @APIResponse(
      responseCode = "200",
      description = "The batch",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = BatchSummary.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such batch of the caller's consortium (also for an id that is not a UUID)")
  public BatchSummary get(
      @Parameter(
              description = "the batch's id, as the POST's Location and body name it",
              schema = @Schema(type = SchemaType.STRING, format = "uuid"))
          @PathParam("id")
          String id) {
    return batches.batch(caller, uuid(id));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("No batch " + id);
    }
  }
}
