package org.psybiome.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psybiome.common.web.CorrelationIds;

/**
 * What the gateway asks biomarker-service itself (base URL: {@code
 * quarkus.rest-client.biomarker-service.url}). Every status is a reply, not an exception.
 */
@RegisterRestClient(configKey = "biomarker-service")
@Path("/api/v1/trials/{trialId}")
@Produces(MediaType.APPLICATION_JSON)
public interface BiomarkerServiceClient {

  /** Result counts per visit and analyte of a trial, for its consortium. */
  @GET
  @Path("/results/counts")
  Uni<Response> resultCounts(
      @PathParam("trialId") String trialId,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(CorrelationIds.HEADER) String correlationId);

  /** The summary of one analyte at one visit, {@code by} arm or pooled. */
  @GET
  @Path("/summaries/{analyte}")
  Uni<Response> summary(
      @PathParam("trialId") String trialId,
      @PathParam("analyte") String analyte,
      @QueryParam("visit") String visit,
      @QueryParam("by") String by,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(CorrelationIds.HEADER) String correlationId);
}
