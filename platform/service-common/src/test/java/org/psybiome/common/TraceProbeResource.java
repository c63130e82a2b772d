package org.psybiome.common;

import io.opentelemetry.api.trace.Span;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.logging.Logger;

/** A test-only resource that logs one line and reports the trace it ran in. */
@Path("/probe/trace")
@Produces(MediaType.APPLICATION_JSON)
public class TraceProbeResource {

  static final String LOG_LINE = "traced probe called";

  private static final Logger LOG = Logger.getLogger(TraceProbeResource.class);

  @GET
  @PermitAll
  public Map<String, String> trace() {
    LOG.info(LOG_LINE);
    var context = Span.current().getSpanContext();
    return Map.of("traceId", context.getTraceId(), "spanId", context.getSpanId());
  }
}
