package org.psybiome.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.web.CorrelationIds;
import org.psybiome.gateway.client.CallerHeaders;
import org.psybiome.gateway.consort.ConsortAssembler;
import org.psybiome.gateway.consort.ConsortDiagram;

/** The CONSORT flow of a trial, as JSON or as an SVG diagram, composed from both services. */
@Path("/api/v1/trials/{trialId}/consort")
@Tag(name = "Participants")
public class ConsortResource {

  static final String SVG = "image/svg+xml";

  private final ConsortAssembler assembler;

  ConsortResource(ConsortAssembler assembler) {
    this.assembler = assembler;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, SVG})
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "getConsortFlow",
      summary = "The trial's CONSORT 2010 flow, as JSON or as an SVG flow diagram",
      description =
          "Assessed for eligibility and excluded (from the screening log, plus those enrolled);"
              + " participants allocated; who received the allocated intervention or not,"
              + " discontinued, was lost to follow-up, withdrew consent or completed, with the"
              + " reasons given; emergency unblindings; and analysed: per primary outcome with a"
              + " catalogue measure and per visit after baseline, participants whose value is"
              + " used (biomarker-service's summary rule), censored, and without a value. Pooled,"
              + " and per arm (per treatment sequence in a crossover trial, whose analysis is"
              + " pooled) for those who may see arms: while the trial is blinded, its unblinded"
              + " statisticians. For the trial's consortium: registrants, statisticians (blinded"
              + " or not) and readers. Accept: image/svg+xml gives the same flow drawn as a"
              + " CONSORT diagram, showing exactly what the JSON shows.")
  @APIResponse(
      responseCode = "200",
      description = "The flow",
      content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "ConsortFlow")),
        @Content(
            mediaType = SVG,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description = "An SVG 1.1 document, titled and described for screen readers"))
      })
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or the caller is not of its consortium")
  @APIResponse(
      responseCode = "503",
      description = "trial-service is down: there is no flow to show; retry after Retry-After")
  @APIResponse(responseCode = "504", description = "trial-service did not answer in time")
  public Uni<Response> get(
      @Parameter(description = "The trial's registry id, e.g. PSB-2026-000001")
          @PathParam("trialId")
          String trialId,
      @Context HttpHeaders httpHeaders,
      @Context RoutingContext ctx) {
    CallerHeaders headers =
        new CallerHeaders(
            ctx.request().getHeader("Authorization"), ctx.get(CorrelationIds.MDC_KEY));
    boolean svg = prefersSvg(httpHeaders.getAcceptableMediaTypes());
    return Uni.createFrom()
        .completionStage(() -> assembler.flow(trialId, headers).toCompletionStage())
        .map(
            flow ->
                svg
                    ? Response.ok(ConsortDiagram.render(flow), SVG).build()
                    : Response.ok(flow, MediaType.APPLICATION_JSON).build());
  }

  /** SVG when the client ranks it above JSON (the list is sorted by preference). */
  private static boolean prefersSvg(List<MediaType> acceptable) {
    for (MediaType type : acceptable) {
      if (type.isCompatible(MediaType.valueOf(SVG)) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
