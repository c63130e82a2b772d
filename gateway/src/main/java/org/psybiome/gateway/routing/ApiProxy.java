package org.psybiome.gateway.routing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.psybiome.common.problem.HttpLayerProblems;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.web.CorrelationIds;
import org.psybiome.gateway.client.ClientGone;
import org.psybiome.gateway.client.RequestNotSent;
import org.psybiome.gateway.client.UpstreamBreakers;
import org.psybiome.gateway.client.UpstreamUnavailable;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.edge.Admission;
import org.psybiome.gateway.edge.EdgeProblems;
import org.psybiome.gateway.model.Upstream;

/**
 * Streams {@code /api/v1/**} to the owning service with Vert.x's reverse proxy: bodies pass through
 * without being buffered, and status, headers and problem bodies come back unchanged. Before a
 * request is sent on it passes the edge's {@link Admission} (body size, token, rate limit), then
 * the service's circuit breaker. A {@code Location} the service sends back names the gateway's
 * public address ({@link PublicLinks}). The service gets the gateway's trace context, so its spans
 * continue the gateway's trace.
 *
 * <p>When the service gives no answer, what the client is told depends on whether the service can
 * have acted on the request:
 *
 * <ul>
 *   <li>no connection could be had (refused, connect or pool timeout): nothing was sent, so a 503
 *       with {@code Retry-After};
 *   <li>the connection closed, or the wait ran out, after the request went out: for a read (GET,
 *       HEAD) nothing can have changed, so a connection that dropped is asked once more on a fresh
 *       connection, then 503; a read that timed out is a 504. For a write the service may have
 *       applied it: a 502 {@link ProblemType#OUTCOME_UNKNOWN}, never retried here and never a 503
 *       that would invite a blind retry.
 * </ul>
 */
@ApplicationScoped
public class ApiProxy {

  private static final String UPSTREAM = "psybiome.upstream";

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  /** Set on a proxy context whose request is to go out on a connection of its own. */
  private static final String FRESH_CONNECTION = "psybiome.fresh-connection";

  private final Vertx vertx;
  private final GatewayConfig config;
  private final RouteTable routes;
  private final HttpLayerProblems problems;
  private final EdgeProblems edge;
  private final Admission admission;
  private final UpstreamBreakers breakers;
  private final TextMapPropagator propagator;
  private final PublicLinks links;

  ApiProxy(
      Vertx vertx,
      GatewayConfig config,
      RouteTable routes,
      HttpLayerProblems problems,
      EdgeProblems edge,
      Admission admission,
      UpstreamBreakers breakers,
      OpenTelemetry telemetry) {
    this.vertx = vertx;
    this.config = config;
    this.routes = routes;
    this.problems = problems;
    this.edge = edge;
    this.admission = admission;
    this.breakers = breakers;
    this.propagator = telemetry.getPropagators().getTextMapPropagator();
    this.links =
        new PublicLinks(
            config.publicUrl(),
            java.util.Arrays.stream(Upstream.values()).map(config::urlOf).toList());
  }

  void install(@Observes Router router) {
    HttpClient client = vertx.createHttpClient(clientOptions().setKeepAlive(true));
    // for the one retry of a read: a connection made for it and closed after it
    HttpClient fresh = vertx.createHttpClient(clientOptions().setKeepAlive(false));
    HttpProxy proxy = HttpProxy.reverseProxy(client);
    proxy.origin(
        context -> {
          URI origin = config.urlOf(context.get(UPSTREAM, Upstream.class));
          HttpClient through =
              Boolean.TRUE.equals(context.get(FRESH_CONNECTION, Boolean.class))
                  ? fresh
                  : context.client();
          return through
              .request(
                  new RequestOptions()
                      .setHost(origin.getHost())
                      .setPort(origin.getPort())
                      .setSsl("https".equals(origin.getScheme()))
                      // bounds the wait for a pooled connection as well as for a new one
                      .setConnectTimeout(config.connectTimeout().toMillis())
                      // nothing back from the service for this long fails the exchange
                      .setIdleTimeout(config.upstreamTimeout().toMillis()))
              // no connection, so no byte of the request went out
              .recover(failure -> Future.failedFuture(new RequestNotSent(failure)));
        });
    proxy.addInterceptor(new ServiceOutcomes());

    router.route("/api/v1/*").order(10).handler(ctx -> admit(ctx, proxy));
  }

  private HttpClientOptions clientOptions() {
    return new HttpClientOptions()
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        .setIdleTimeout((int) config.idleTimeout().toSeconds())
        .setKeepAliveTimeout((int) Math.max(1, config.keepAliveTimeout().toSeconds()))
        .setMaxPoolSize(100);
  }

  private void admit(RoutingContext ctx, HttpProxy proxy) {
    // The raw path, as the proxy sends it on: the owner must be judged on what the service gets.
    boolean own = routes.servedByGateway(ctx.request().path());
    if (!own && routes.ownerOf(ctx.request().path()).isEmpty()) {
      problems.respond(ctx, 404);
      return;
    }
    admission.admit(
        ctx,
        caller -> {
          if (own) {
            // The gateway's own endpoints (overview, event feed) handle the request further on.
            ctx.request().resume();
            caller.attachTo(ctx);
            ctx.next();
          } else {
            forward(ctx, proxy);
          }
        });
  }

  private void forward(RoutingContext ctx, HttpProxy proxy) {
    HttpServerRequest request = ctx.request();
    // The correlation id may be the gateway's own, made for this request; services log it too.
    request.headers().set(CorrelationIds.HEADER, ctx.<String>get(CorrelationIds.MDC_KEY));
    if (isUndeclaredHttp2Body(request)) {
      // HTTP/2 frames a body of unknown length without Transfer-Encoding; the proxy only streams
      // one to the service (chunked, over HTTP/1.1) when that header says so, else drops it.
      request.headers().set(HttpHeaders.TRANSFER_ENCODING, "chunked");
    }
    proxy.handle(request);
  }

  private static boolean isUndeclaredHttp2Body(HttpServerRequest request) {
    return request.version() == HttpVersion.HTTP_2
        && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
        && (request.method() == HttpMethod.POST
            || request.method() == HttpMethod.PUT
            || request.method() == HttpMethod.PATCH);
  }

  private static String unreachable(Upstream upstream) {
    return upstream.serviceName() + " cannot be reached; try again shortly";
  }

  /** A method that changes nothing, so asking twice is harmless. */
  private static boolean isSafe(HttpMethod method) {
    return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
  }

  /**
   * Sends each exchange through the service's circuit breaker, asks once more for a read whose
   * connection dropped, turns a refused or failed exchange into a 502, 503 or 504 problem instead
   * of an empty 502, and keeps one correlation id header (the service echoes the one the gateway
   * sent it).
   */
  private final class ServiceOutcomes implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
      HttpServerRequest request = context.request().proxiedRequest();
      Upstream upstream = routes.ownerOf(request.path()).orElseThrow();
      context.set(UPSTREAM, upstream);
      sendTraceOn(context.request().headers());
      io.vertx.core.Context loop = Vertx.currentContext();
      return exchange(context, upstream, loop)
          .recover(
              failure -> {
                Throwable cause = UpstreamBreakers.unwrap(failure);
                if (!mayAskAgain(request, cause)) {
                  return failed(context, upstream, cause);
                }
                Log.infof(
                    "%s closed the connection before answering %s %s (%s); asking once more on a"
                        + " fresh connection",
                    upstream.serviceName(), request.method(), request.path(), cause.getMessage());
                context.set(FRESH_CONNECTION, true);
                // a read without a body: nothing to stream from the client a second time
                context.request().setBody(null);
                return exchange(context, upstream, loop)
                    .recover(again -> failed(context, upstream, UpstreamBreakers.unwrap(again)));
              });
    }

    private Future<ProxyResponse> exchange(
        ProxyContext context, Upstream upstream, io.vertx.core.Context loop) {
      HttpServerRequest client = context.request().proxiedRequest();
      CompletionStage<ProxyResponse> exchange =
          breakers.call(
              upstream,
              () ->
                  context
                      .sendRequest()
                      // The proxy resets the service's exchange when the client hangs up. Over
                      // HTTP/1.1 only the gateway resets an exchange (a service drops its
                      // connection instead), and the reset may come before the response reads as
                      // closed: 128 clients hanging up together opened the circuit that way.
                      .recover(
                          failure ->
                              Future.failedFuture(
                                  client.response().closed()
                                          || failure instanceof StreamResetException
                                      ? new ClientGone(failure)
                                      : failure))
                      .toCompletionStage());
      return Future.fromCompletionStage(exchange, loop);
    }

    /**
     * A read without a body whose connection failed after it was handed out, or closed as it was
     * handed out: most likely a pooled connection the service closed as it was being used, or one
     * whose earlier exchange was just reset. Asking again cannot change anything.
     */
    private static boolean mayAskAgain(HttpServerRequest request, Throwable cause) {
      return isSafe(request.method())
          && !EdgeProblems.hasBody(request)
          && (!(cause instanceof RequestNotSent) || closedAsHandedOut(cause))
          && !(cause instanceof UpstreamUnavailable)
          && !(cause instanceof TimeoutException)
          && !(cause instanceof ClientGone);
    }

    /** A pooled connection that closed as it was handed out: a fresh one may well work. */
    private static boolean closedAsHandedOut(Throwable cause) {
      return UpstreamBreakers.unwrap(cause.getCause())
          instanceof io.vertx.core.http.HttpClosedException;
    }

    /**
     * The proxy copies the caller's trace headers as they came; Quarkus traces the Vert.x server
     * but not this Vert.x client, so the current context (the gateway's span, a child of the
     * caller's when it sent a valid traceparent) is written over them.
     */
    private void sendTraceOn(MultiMap headers) {
      for (String field : propagator.fields()) {
        headers.remove(field);
      }
      propagator.inject(Context.current(), headers, MultiMap::set);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
      MultiMap headers = context.response().headers();
      headers.remove(CorrelationIds.HEADER);
      String location = headers.get(HttpHeaders.LOCATION);
      if (location != null) {
        // The service made it from the address the gateway called it at, which clients cannot
        // reach.
        HttpServerRequest request = context.request().proxiedRequest();
        headers.set(
            HttpHeaders.LOCATION, links.rewrite(location, request::getHeader, request.scheme()));
      }
      return context.sendResponse();
    }

    private Future<ProxyResponse> failed(
        ProxyContext context, Upstream upstream, Throwable failure) {
      HttpServerRequest request = context.request().proxiedRequest();
      String path = request.path();
      ProblemType type;
      String detail;
      String retryAfter = null;
      if (failure instanceof UpstreamUnavailable open
          && open.reason() == UpstreamUnavailable.Reason.CIRCUIT_OPEN) {
        // Refused at once, without asking the service: its body was never read.
        if (EdgeProblems.hasBody(request)) {
          request.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        type = ProblemType.SERVICE_UNAVAILABLE;
        detail = unreachable(upstream);
        retryAfter = EdgeProblems.retryAfterSeconds(open.retryAfterNanos());
      } else if (failure instanceof RequestNotSent) {
        type = ProblemType.SERVICE_UNAVAILABLE;
        detail = unreachable(upstream);
        retryAfter = "5";
      } else if (isSafe(request.method()) && failure instanceof TimeoutException) {
        type = ProblemType.GATEWAY_TIMEOUT;
        detail =
            upstream.serviceName()
                + " did not answer within "
                + config.upstreamTimeout().toSeconds()
                + " s";
      } else if (isSafe(request.method())) {
        // a read: nothing was changed, whatever the service did
        type = ProblemType.SERVICE_UNAVAILABLE;
        detail =
            upstream.serviceName() + " closed the connection before answering; try again shortly";
        retryAfter = "5";
      } else {
        type = ProblemType.OUTCOME_UNKNOWN;
        detail = outcomeUnknown(upstream, request, failure);
      }
      if (failure instanceof ClientGone) {
        // nobody is left to read the problem below; the service is not at fault
        Log.debugf(
            "%s %s: the client hung up before %s answered",
            request.method(), path, upstream.serviceName());
      } else if (!(failure instanceof UpstreamUnavailable)) {
        Log.warnf(
            "%s failed for %s %s: %s (%s answered %d)",
            upstream.serviceName(),
            request.method(),
            path,
            failure.getMessage(),
            failure instanceof RequestNotSent ? "not sent" : "sent",
            type.status());
      }
      Problem problem = ProblemResponses.problem(type, detail, path, List.of());
      ProxyResponse response =
          context
              .request()
              .release()
              .response()
              .setStatusCode(type.status())
              .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
              .setBody(Body.body(edge.body(problem)));
      if (retryAfter != null) {
        response.putHeader("Retry-After", retryAfter);
      }
      return Future.succeededFuture(response);
    }

    private String outcomeUnknown(Upstream upstream, HttpServerRequest request, Throwable failure) {
      String what =
          failure instanceof TimeoutException
              ? " received the request but did not answer within "
                  + config.upstreamTimeout().toSeconds()
                  + " s"
              : " received the request but the connection closed before it answered";
      String retry =
          request.headers().contains(IDEMPOTENCY_KEY)
              ? " Retry with the same Idempotency-Key: the first outcome is replayed and nothing is"
                  + " stored twice."
              : " Read the resource first to see whether it was applied before sending it again;"
                  + " a request sent with an Idempotency-Key can be retried with the same key"
                  + " instead.";
      return upstream.serviceName()
          + what
          + ": it may have applied it. Do not send it again as a new request."
          + retry;
    }
  }
}
