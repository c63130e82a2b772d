package org.psybiome.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.gateway.client.UpstreamReply;
import org.psybiome.gateway.client.UpstreamUnavailable;
import org.psybiome.gateway.edge.EdgeProblems;

/**
 * A service's answer that the gateway's own response cannot do without (the trial of an overview,
 * the flow of a CONSORT diagram): its body, or the problem the caller gets instead — 404 as 404,
 * 4xx in our problem format, 5xx or no answer as 503 (Retry-After) or 504.
 */
public final class RequiredReply {

  private RequiredReply() {}

  /**
   * @param what what was asked for, for the 404's detail ("trial PSB-2026-000001")
   */
  public static JsonNode body(Future<UpstreamReply> reply, String what) {
    if (reply.failed()) {
      if (reply.cause() instanceof UpstreamUnavailable unavailable) {
        throw unavailable(unavailable);
      }
      throw new ProblemException(ProblemType.INTERNAL, "The " + what + " could not be read");
    }
    UpstreamReply answer = reply.result();
    if (answer.ok()) {
      return answer.body();
    }
    if (answer.status() == 404) {
      throw ProblemException.notFound("No " + what);
    }
    if (answer.status() >= 500) {
      throw new ProblemException(
          ProblemType.SERVICE_UNAVAILABLE,
          "The " + what + " cannot be served right now; try again shortly",
          List.of(),
          Map.of("Retry-After", "5"));
    }
    // 400, 401, 403, ...: the caller gets what the service said, in our problem format.
    throw new ProblemException(ProblemType.forStatus(answer.status()), answer.detail());
  }

  private static ProblemException unavailable(UpstreamUnavailable failure) {
    String service = failure.upstream().serviceName();
    if (failure.reason() == UpstreamUnavailable.Reason.TIMEOUT) {
      return new ProblemException(ProblemType.GATEWAY_TIMEOUT, service + " did not answer in time");
    }
    long retryAfter =
        failure.reason() == UpstreamUnavailable.Reason.CIRCUIT_OPEN
            ? failure.retryAfterNanos()
            : 5_000_000_000L;
    return new ProblemException(
        ProblemType.SERVICE_UNAVAILABLE,
        service + " cannot be reached; try again shortly",
        List.of(),
        Map.of("Retry-After", EdgeProblems.retryAfterSeconds(retryAfter)));
  }
}
