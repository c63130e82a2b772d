package org.psybiome.gateway.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.psybiome.common.web.CorrelationIds;

/**
 * What the gateway asks trial-service itself (base URL: {@code
 * quarkus.rest-client.trial-service.url}). Every status is a reply ({@code Response}), not an
 * exception: the callers decide what a 404 means.
 */
@RegisterRestClient(configKey = "trial-service")
@Path("/api/v1/trials")
@Produces(MediaType.APPLICATION_JSON)
public interface TrialServiceClient {

  /** A trial's record as the caller (by its token) may see it. */
  @GET
  @Path("/{trialId}")
  Uni<Response> trial(
      @PathParam("trialId") String trialId,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(CorrelationIds.HEADER) String correlationId);

  /** A trial's CONSORT flow as trial-service counts it, for the caller. */
  @GET
  @Path("/{trialId}/consort")
  Uni<Response> consort(
      @PathParam("trialId") String trialId,
      @HeaderParam("Authorization") String authorization,
      @HeaderParam(CorrelationIds.HEADER) String correlationId);
}
