package org.psybiome.gateway.edge;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * W3C trace context at the edge: a request without a well-formed {@code traceparent} gets a new one
 * (sampled), so every request can be followed through the services; a caller's own is passed on
 * unchanged. The trace id goes into the log context next to the correlation id.
 */
@ApplicationScoped
public class TraceParents {

  public static final String HEADER = "traceparent";
  public static final String MDC_KEY = "traceId";

  /** version 00 as the spec defines it; ids of all zeros are invalid. */
  private static final Pattern VALID =
      Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  void install(@Observes Router router) {
    // Right after the correlation id (order -1000), before anything that may log.
    router
        .route()
        .order(-999)
        .handler(
            ctx -> {
              String traceparent = ctx.request().getHeader(HEADER);
              if (traceparent == null || !VALID.matcher(traceparent).matches()) {
                traceparent = generate();
                ctx.request().headers().set(HEADER, traceparent);
              }
              String traceId = traceparent.substring(3, 35);
              MDC.put(MDC_KEY, traceId);
              ctx.put(MDC_KEY, traceId);
              ctx.next();
            });
  }

  static String generate() {
    byte[] traceId = new byte[16];
    byte[] spanId = new byte[8];
    RANDOM.nextBytes(traceId);
    RANDOM.nextBytes(spanId);
    return "00-" + HEX.formatHex(traceId) + "-" + HEX.formatHex(spanId) + "-01";
  }
}
