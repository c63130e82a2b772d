package org.psybiome.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.psybiome.gateway.model.Upstream;

/**
 * The gateway's own requests to the services (the overview, the feed's owner lookups), through the
 * typed REST clients and the same circuit breakers as the proxy: a service the proxy has given up
 * on is not asked here either, and a failure seen here counts towards opening its circuit. Any
 * answer, 4xx and 5xx included, is a reply; no answer is an {@link UpstreamUnavailable}.
 */
@ApplicationScoped
public class UpstreamClient {

  private final TrialServiceClient trials;
  private final BiomarkerServiceClient biomarkers;
  private final UpstreamBreakers breakers;
  private final ObjectMapper json;

  UpstreamClient(
      @RestClient TrialServiceClient trials,
      @RestClient BiomarkerServiceClient biomarkers,
      UpstreamBreakers breakers,
      ObjectMapper json) {
    this.trials = trials;
    this.biomarkers = biomarkers;
    this.breakers = breakers;
    this.json = json;
  }

  /** The trial record from trial-service. */
  public Future<UpstreamReply> trial(String trialId, CallerHeaders caller, Duration timeout) {
    return call(
        Upstream.TRIAL_SERVICE,
        () -> trials.trial(trialId, caller.authorization(), caller.correlationId()),
        timeout);
  }

  /** The trial's CONSORT flow from trial-service. */
  public Future<UpstreamReply> consort(String trialId, CallerHeaders caller, Duration timeout) {
    return call(
        Upstream.TRIAL_SERVICE,
        () -> trials.consort(trialId, caller.authorization(), caller.correlationId()),
        timeout);
  }

  /** The trial's result counts from biomarker-service. */
  public Future<UpstreamReply> resultCounts(
      String trialId, CallerHeaders caller, Duration timeout) {
    return call(
        Upstream.BIOMARKER_SERVICE,
        () -> biomarkers.resultCounts(trialId, caller.authorization(), caller.correlationId()),
        timeout);
  }

  /** One summary from biomarker-service. */
  public Future<UpstreamReply> summary(
      String trialId,
      String analyte,
      String visit,
      String by,
      CallerHeaders caller,
      Duration timeout) {
    return call(
        Upstream.BIOMARKER_SERVICE,
        () ->
            biomarkers.summary(
                trialId, analyte, visit, by, caller.authorization(), caller.correlationId()),
        timeout);
  }

  /**
   * Fails with {@link UpstreamUnavailable} when there is no answer within {@code timeout}, the
   * service cannot be reached or its circuit is open. The future completes on the caller's Vert.x
   * context when it has one, so what follows runs in the same request (and trace) context.
   */
  private Future<UpstreamReply> call(
      Upstream upstream, Supplier<Uni<Response>> request, Duration timeout) {
    Context context = Vertx.currentContext();
    CompletionStage<UpstreamReply> reply =
        breakers.call(
            upstream,
            () ->
                request
                    .get()
                    .map(this::reply)
                    .ifNoItem()
                    .after(timeout)
                    .fail()
                    .onFailure()
                    .transform(failure -> unavailable(upstream, failure))
                    .subscribeAsCompletionStage());
    Future<UpstreamReply> future =
        context == null
            ? Future.fromCompletionStage(reply)
            : Future.fromCompletionStage(reply, context);
    return future.recover(failure -> Future.failedFuture(UpstreamBreakers.unwrap(failure)));
  }

  private static UpstreamUnavailable unavailable(Upstream upstream, Throwable failure) {
    return new UpstreamUnavailable(
        upstream,
        failure instanceof TimeoutException
            ? UpstreamUnavailable.Reason.TIMEOUT
            : UpstreamUnavailable.Reason.UNREACHABLE,
        0);
  }

  private UpstreamReply reply(Response response) {
    try (response) {
      String body = response.hasEntity() ? response.readEntity(String.class) : "";
      JsonNode parsed;
      try {
        parsed = body == null || body.isEmpty() ? json.createObjectNode() : json.readTree(body);
      } catch (IOException e) {
        parsed = json.createObjectNode();
      }
      return new UpstreamReply(
          response.getStatus(), parsed == null ? json.createObjectNode() : parsed);
    }
  }
}
