package org.psybiome.gateway.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.common.web.CorrelationIds;
import org.psybiome.gateway.client.CallerHeaders;
import org.psybiome.gateway.edge.VerifiedCaller;
import org.psybiome.gateway.overview.OverviewAssembler;
import org.psybiome.gateway.overview.TrialOverview;

/** A trial at a glance, composed by the gateway from trial-service and biomarker-service. */
@Path("/api/v1/trials/{trialId}/overview")
@Tag(name = "Overview", description = "A trial with its schedule, result counts and summaries")
public class OverviewResource {

  private final OverviewAssembler assembler;

  OverviewResource(OverviewAssembler assembler) {
    this.assembler = assembler;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getTrialOverview",
      summary = "A trial with its schedule, result counts per visit and analyte, and summaries",
      description =
          "Public for registered trials; results and summaries only for the trial's consortium."
              + " When biomarker-service is down the trial is still shown with partial=true and"
              + " unavailable=[\"biomarker-service\"].")
  @APIResponse(
      responseCode = "200",
      description = "The overview, possibly partial",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TrialOverview.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial, or a draft of another consortium")
  @APIResponse(
      responseCode = "503",
      description = "trial-service is down: there is no trial to show; retry after Retry-After")
  @APIResponse(responseCode = "504", description = "trial-service did not answer in time")
  public Uni<TrialOverview> get(
      @Parameter(description = "The trial's registry id, e.g. PSB-2026-000001")
          @PathParam("trialId")
          String trialId,
      @Context RoutingContext ctx) {
    // The correlation id may be the gateway's own, made for this request.
    CallerHeaders headers =
        new CallerHeaders(
            ctx.request().getHeader("Authorization"), ctx.get(CorrelationIds.MDC_KEY));
    return Uni.createFrom()
        .completionStage(
            () -> assembler.overview(trialId, VerifiedCaller.of(ctx), headers).toCompletionStage());
  }
}
