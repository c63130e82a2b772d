package org.psybiome.common.web;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;

/**
 * Refuses a body over its operation's {@link BodyLimit} with a 413 problem naming the limit: a
 * declared Content-Length before a byte is read, an undeclared (chunked) length once the reading
 * passes the limit, which is before the operation starts unless it is {@link BodyLimit#streamed()}
 * (then as it reads; such an operation stores nothing before the end). Nothing is stored. A service
 * without {@link BodyLimits} (or an operation without the annotation) has the HTTP layer's limit
 * only.
 */
public class BodyLimitCheck {

  private final Instance<BodyLimits> limits;

  BodyLimitCheck(Instance<BodyLimits> limits) {
    this.limits = limits;
  }

  @ServerRequestFilter
  public void check(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    BodyLimit annotation = method == null ? null : method.getAnnotation(BodyLimit.class);
    if (annotation == null || !limits.isResolvable()) {
      return;
    }
    BodyLimits.Limit limit = limits.get().limit(annotation.value());
    String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (declared != null) {
      long length;
      try {
        length = Long.parseLong(declared.trim());
      } catch (NumberFormatException e) {
        return; // the HTTP layer answers a malformed Content-Length
      }
      if (length > limit.bytes()) {
        throw tooLarge(limit, "this one declares " + length);
      }
    } else if (request.hasEntity()) {
      java.io.InputStream limited =
          new LimitedInputStream(
              request.getEntityStream(), limit.bytes(), () -> tooLarge(limit, "this one is more"));
      request.setEntityStream(annotation.streamed() ? limited : readWhole(limited));
    }
  }

  /** The whole body, read before the operation starts: a 413 comes before anything is done. */
  private static java.io.InputStream readWhole(java.io.InputStream limited) {
    try (limited) {
      return new java.io.ByteArrayInputStream(limited.readAllBytes());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ProblemException tooLarge(BodyLimits.Limit limit, String actual) {
    return new ProblemException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "This operation takes a body of at most "
            + limit.bytes()
            + " bytes ("
            + limit.property()
            + "); "
            + actual,
        List.of());
  }
}
