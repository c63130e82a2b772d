package org.psybiome.trial.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.trial.config.TrialConfig;

/**
 * A trial record, a status change or an enrolment is small; refusing a larger declared body here
 * keeps the HTTP layer's higher limit for imports, which stream many studies, and nothing else.
 */
public class RecordBodyLimit {

  private final TrialConfig config;

  RecordBodyLimit(TrialConfig config) {
    this.config = config;
  }

  @ServerRequestFilter
  public Optional<Response> refuseLargeRecords(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length == null || path.startsWith("/api/v1/imports/")) {
      return Optional.empty();
    }
    long limit = config.maxRecordBody().asLongValue();
    long declared;
    try {
      declared = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return Optional.empty(); // the HTTP layer answers a malformed Content-Length
    }
    if (declared <= limit) {
      return Optional.empty();
    }
    return Optional.of(
        ProblemResponses.response(
            ProblemType.PAYLOAD_TOO_LARGE,
            "A request about one trial is at most " + limit + " bytes; this one is " + declared,
            path,
            List.of(),
            Map.of()));
  }
}
