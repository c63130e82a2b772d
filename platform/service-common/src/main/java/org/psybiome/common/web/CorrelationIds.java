package org.psybiome.common.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request a correlation id — the caller's {@code X-Correlation-Id} when it is sane, a
 * new one otherwise — puts it in the log context and echoes it, so one request can be followed from
 * the gateway through the services.
 */
@ApplicationScoped
public class CorrelationIds {

  public static final String HEADER = "X-Correlation-Id";
  public static final String MDC_KEY = "correlationId";

  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  void install(@Observes Router router) {
    router
        .route()
        .order(-1000)
        .handler(
            ctx -> {
              String id = ctx.request().getHeader(HEADER);
              if (id == null || !SANE.matcher(id).matches()) {
                id = UUID.randomUUID().toString();
              }
              MDC.put(MDC_KEY, id);
              ctx.put(MDC_KEY, id);
              ctx.response().putHeader(HEADER, id);
              ctx.next();
            });
  }
}
