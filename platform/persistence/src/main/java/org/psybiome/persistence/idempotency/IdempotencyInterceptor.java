package org.psybiome.persistence.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.web.ResponseJson;

/**
 * The semantics of {@code Idempotency-Key} on an {@link Idempotent} resource method, the same on
 * every such endpoint:
 *
 * <ul>
 *   <li>The key is scoped by the caller (consortium and token subject) and the operation (method
 *       and path template): another caller's key, or the same key on another endpoint, never meets
 *       it, and a replay goes only to whoever sent the first request.
 *   <li>The first request claims the key (IN_FLIGHT, committed at once), then runs the method and
 *       stores its response (status, Location, ETag, Content-Type, body) in one transaction: the
 *       write is stored if and only if its response is.
 *   <li>Only a 2xx answer is stored. A refused request (any problem) rolls back and frees the key,
 *       so that the client may correct the request and send it again with the same key.
 *   <li>The same key again with the same request: the stored response, with {@code
 *       Idempotent-Replayed: true}; with another request (path, If-Match or body): 422; while the
 *       first is in flight: 409 with Retry-After.
 * </ul>
 *
 * <p>Before the transaction-opening interceptors, so that the write joins the transaction opened
 * here.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

  /** Response headers a client needs from a replay; the rest are the server's of the moment. */
  private static final List<String> KEPT_HEADERS =
      List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.CONTENT_TYPE);

  private final IdempotentRequests requests;
  private final IdempotencyConfig config;
  private final Caller caller;
  private final HttpServerRequest http;
  private final ObjectMapper json;
  private final ObjectMapper responseJson;

  IdempotencyInterceptor(
      IdempotentRequests requests,
      IdempotencyConfig config,
      Caller caller,
      HttpServerRequest http,
      ObjectMapper json) {
    this.requests = requests;
    this.config = config;
    this.caller = caller;
    this.http = http;
    this.json = json;
    this.responseJson = ResponseJson.writer(json);
  }

  @AroundInvoke
  Object aroundInvoke(InvocationContext context) throws Exception {
    String key = http.getHeader(IdempotencyKeyHeader.NAME);
    if (key == null) {
      return context.proceed();
    }
    if (!Response.class.equals(context.getMethod().getReturnType())) {
      throw new IllegalStateException(
          "@Idempotent needs a method that returns a Response: " + context.getMethod());
    }
    IdempotencyKeyHeader.check(key);
    IdempotentRequest request =
        new IdempotentRequest(
            caller.consortium().orElse("-"),
            caller.subject(),
            operation(context.getMethod()),
            key,
            fingerprint(context));
    Optional<UUID> claim = claimOrAnswer(request);
    if (claim.isEmpty()) {
      return replay(request);
    }
    return firstTime(context, request, claim.get());
  }

  private static String operation(Method method) {
    String verb =
        method.isAnnotationPresent(jakarta.ws.rs.PUT.class)
            ? "PUT"
            : method.isAnnotationPresent(jakarta.ws.rs.PATCH.class) ? "PATCH" : "POST";
    Path type = method.getDeclaringClass().getAnnotation(Path.class);
    Path own = method.getAnnotation(Path.class);
    return verb + " " + (type == null ? "" : type.value()) + (own == null ? "" : own.value());
  }

  private String fingerprint(InvocationContext context) throws IOException {
    RequestFingerprint fingerprint =
        new RequestFingerprint(json)
            .add(http.method().name())
            .add(http.path())
            .add(http.query())
            .add(http.getHeader(HttpHeaders.IF_MATCH));
    Object[] parameters = context.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      Object parameter = parameters[i];
      if (parameter instanceof InputStream stream) {
        // read once for the hash, handed on as read
        byte[] body = stream.readAllBytes();
        parameters[i] = new java.io.ByteArrayInputStream(body);
        fingerprint.addBytes(body);
      } else if (parameter instanceof byte[] body) {
        fingerprint.addBytes(body);
      } else if (parameter != null && isRequestContent(parameter)) {
        fingerprint.addValue(parameter);
      }
    }
    context.setParameters(parameters);
    return fingerprint.hex();
  }

  /** Not a JAX-RS context object (UriInfo, ...), which says nothing the path does not. */
  private static boolean isRequestContent(Object parameter) {
    return !parameter.getClass().getName().startsWith("jakarta.ws.rs.")
        && !parameter.getClass().getName().startsWith("org.jboss.resteasy.");
  }

  /** Empty: the key is live and the earlier request's response is to be replayed. */
  private Optional<UUID> claimOrAnswer(IdempotentRequest request) {
    // A key freed between a failed claim and the read is simply claimed again.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<UUID> claim = requests.claim(request, config.lease(), config.retention());
      if (claim.isPresent()) {
        return claim;
      }
      Optional<IdempotentRequests.Existing> existing = requests.find(request);
      if (existing.isEmpty()) {
        continue;
      }
      if (!existing.get().fingerprint().equals(request.fingerprint())) {
        throw new ProblemException(
            ProblemType.UNPROCESSABLE,
            "This Idempotency-Key was used for a different request; use a new key for a new"
                + " request",
            List.of(Violation.of(IdempotencyKeyHeader.NAME, "was used with another request")));
      }
      if (existing.get().inFlight()) {
        throw inFlight();
      }
      return Optional.empty();
    }
    throw inFlight();
  }

  private static ProblemException inFlight() {
    return new ProblemException(
        ProblemType.CONFLICT,
        "A request with this Idempotency-Key is still being processed; retry later",
        List.of(),
        Map.of("Retry-After", "1"));
  }

  private Response replay(IdempotentRequest request) {
    StoredResponse stored =
        requests
            .find(request)
            .map(IdempotentRequests.Existing::response)
            .orElseThrow(IdempotencyInterceptor::inFlight);
    return build(stored).header(IdempotencyKeyHeader.REPLAYED, "true").build();
  }

  private Object firstTime(InvocationContext context, IdempotentRequest request, UUID claim)
      throws Exception {
    Answer answer;
    try {
      answer =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    Response response = (Response) proceed(context);
                    Optional<StoredResponse> stored = storable(response);
                    if (stored.isPresent()) {
                      requests.complete(request, claim, stored.get());
                    }
                    return new Answer(response, stored);
                  });
    } catch (Exception failed) {
      requests.release(request, claim);
      throw failed instanceof CheckedFailure checked ? checked.cause : failed;
    }
    if (answer.stored().isEmpty()) {
      requests.release(request, claim);
      return answer.response();
    }
    return build(answer.stored().get()).build();
  }

  private record Answer(Response response, Optional<StoredResponse> stored) {}

  /** A 2xx answer as stored; empty for any other, or a streamed one that cannot be stored. */
  private Optional<StoredResponse> storable(Response response) {
    Object entity = response.getEntity();
    if (response.getStatus() / 100 != 2
        || entity instanceof StreamingOutput
        || entity instanceof InputStream) {
      return Optional.empty();
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : KEPT_HEADERS) {
      String value = response.getHeaderString(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    byte[] body;
    try {
      if (entity == null) {
        body = new byte[0];
      } else if (entity instanceof byte[] bytes) {
        body = bytes;
      } else if (entity instanceof String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
      } else {
        body = responseJson.writeValueAsBytes(entity);
        headers.putIfAbsent(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(new StoredResponse(response.getStatus(), headers, body));
  }

  /** The same response for the first request and every replay: from what is stored. */
  private static Response.ResponseBuilder build(StoredResponse stored) {
    Response.ResponseBuilder builder = Response.status(stored.status());
    stored.headers().forEach(builder::header);
    if (stored.body().length > 0) {
      builder.entity(stored.body());
    }
    return builder;
  }

  private static Object proceed(InvocationContext context) {
    try {
      return context.proceed();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CheckedFailure(e);
    }
  }

  /** Carries a checked exception of the method out of the transaction, to be thrown as it was. */
  private static final class CheckedFailure extends RuntimeException {
    private final Exception cause;

    CheckedFailure(Exception cause) {
      super(null, cause, false, false);
      this.cause = cause;
    }
  }
}
