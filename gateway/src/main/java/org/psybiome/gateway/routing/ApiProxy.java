package org.psybiome.gateway.routing;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.psybiome.common.problem.HttpLayerProblems;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.web.CorrelationIds;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.edge.CircuitBreakers;
import org.psybiome.gateway.edge.EdgeProblems;
import org.psybiome.gateway.edge.RateLimiter;
import org.psybiome.gateway.edge.TokenCheck;
import org.psybiome.gateway.edge.VerifiedCaller;

/**
 * Streams {@code /api/v1/**} to the owning service with Vert.x's reverse proxy: bodies pass through
 * without being buffered, and status, headers and problem bodies come back unchanged. Before a
 * request is sent on it passes the edge checks, in this order: declared body size, bearer token (if
 * any), the caller's rate limit, the service's circuit breaker. A service that cannot be reached is
 * a 503 problem, one that does not answer in time a 504.
 */
@ApplicationScoped
public class ApiProxy {

  private static final String UPSTREAM = "psybiome.upstream";

  private final Vertx vertx;
  private final GatewayConfig config;
  private final RouteTable routes;
  private final HttpLayerProblems problems;
  private final EdgeProblems edge;
  private final TokenCheck tokens;
  private final RateLimiter rateLimiter;
  private final CircuitBreakers breakers;

  ApiProxy(
      Vertx vertx,
      GatewayConfig config,
      RouteTable routes,
      HttpLayerProblems problems,
      EdgeProblems edge,
      TokenCheck tokens,
      RateLimiter rateLimiter,
      CircuitBreakers breakers) {
    this.vertx = vertx;
    this.config = config;
    this.routes = routes;
    this.problems = problems;
    this.edge = edge;
    this.tokens = tokens;
    this.rateLimiter = rateLimiter;
    this.breakers = breakers;
  }

  void install(@Observes Router router) {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(100));
    HttpProxy proxy = HttpProxy.reverseProxy(client);
    proxy.origin(
        context -> {
          URI origin = config.urlOf(context.get(UPSTREAM, Upstream.class));
          return context
              .client()
              .request(
                  new RequestOptions()
                      .setHost(origin.getHost())
                      .setPort(origin.getPort())
                      .setSsl("https".equals(origin.getScheme()))
                      // nothing back from the service for this long fails the exchange: 504
                      .setIdleTimeout(config.upstreamTimeout().toMillis()));
        });
    proxy.addInterceptor(new ServiceOutcomes());

    router.route("/api/v1/*").order(10).handler(ctx -> admit(ctx, proxy));
  }

  private void admit(RoutingContext ctx, HttpProxy proxy) {
    // The raw path, as the proxy sends it on: the owner must be judged on what the service gets.
    boolean own = routes.servedByGateway(ctx.request().path());
    Optional<Upstream> owner = own ? Optional.empty() : routes.ownerOf(ctx.request().path());
    if (!own && owner.isEmpty()) {
      problems.respond(ctx, 404);
      return;
    }
    if (declaredBodyTooLarge(ctx.request())) {
      edge.refuse(
          ctx,
          ProblemType.PAYLOAD_TOO_LARGE,
          "The request body exceeds the " + config.maxBodySize().asLongValue() + " bytes accepted",
          Map.of());
      return;
    }
    Optional<String> token = TokenCheck.bearerToken(ctx.request());
    if (token.isEmpty()) {
      String address = ctx.request().remoteAddress().hostAddress();
      if (own) {
        serveHere(ctx, RateLimiter.forAddress(address), VerifiedCaller.ANONYMOUS);
      } else {
        forward(ctx, proxy, owner.get(), RateLimiter.forAddress(address));
      }
      return;
    }
    // Hold the body back while the token is verified off the event loop; the proxy resumes it.
    ctx.request().pause();
    tokens
        .verify(token.get())
        .onComplete(
            verified -> {
              if (verified.failed()) {
                Log.debugf("Refused token: %s", verified.cause().getMessage());
                edge.refuse(
                    ctx,
                    ProblemType.UNAUTHENTICATED,
                    "The bearer token is invalid or expired",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
              } else if (own) {
                ctx.request().resume();
                serveHere(
                    ctx,
                    RateLimiter.forSubject(subject(verified.result())),
                    VerifiedCaller.of(verified.result()));
              } else {
                forward(
                    ctx, proxy, owner.get(), RateLimiter.forSubject(subject(verified.result())));
              }
            });
  }

  /** The gateway's own endpoints (overview, event feed) handle the request further on. */
  private void serveHere(RoutingContext ctx, String rateLimitKey, VerifiedCaller caller) {
    if (rateLimited(ctx, rateLimitKey)) {
      return;
    }
    caller.attachTo(ctx);
    ctx.next();
  }

  private boolean rateLimited(RoutingContext ctx, String caller) {
    OptionalLong limited = rateLimiter.acquire(caller);
    if (limited.isPresent()) {
      edge.refuse(
          ctx,
          ProblemType.TOO_MANY_REQUESTS,
          "Too many requests from this caller; slow down",
          Map.of("Retry-After", EdgeProblems.retryAfterSeconds(limited.getAsLong())));
      return true;
    }
    return false;
  }

  private void forward(RoutingContext ctx, HttpProxy proxy, Upstream upstream, String caller) {
    if (rateLimited(ctx, caller)) {
      return;
    }
    OptionalLong open = breakers.acquire(upstream);
    if (open.isPresent()) {
      edge.refuse(
          ctx,
          ProblemType.SERVICE_UNAVAILABLE,
          unreachable(upstream),
          Map.of("Retry-After", EdgeProblems.retryAfterSeconds(open.getAsLong())));
      return;
    }
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

  private boolean declaredBodyTooLarge(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length.trim()) > config.maxBodySize().asLongValue();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isUndeclaredHttp2Body(HttpServerRequest request) {
    return request.version() == HttpVersion.HTTP_2
        && request.getHeader(HttpHeaders.CONTENT_LENGTH) == null
        && (request.method() == HttpMethod.POST
            || request.method() == HttpMethod.PUT
            || request.method() == HttpMethod.PATCH);
  }

  private static String subject(JsonWebToken token) {
    return token.getSubject() != null ? token.getSubject() : token.getName();
  }

  private static String unreachable(Upstream upstream) {
    return upstream.serviceName() + " cannot be reached; try again shortly";
  }

  /**
   * Feeds each exchange's outcome to the circuit breaker, turns a failed one into a 503 or 504
   * problem instead of an empty 502, and keeps one correlation id header (the service echoes the
   * one the gateway sent it).
   */
  private final class ServiceOutcomes implements ProxyInterceptor {

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
      Upstream upstream = routes.ownerOf(context.request().proxiedRequest().path()).orElseThrow();
      context.set(UPSTREAM, upstream);
      return context
          .sendRequest()
          .onSuccess(response -> breakers.succeeded(upstream))
          .recover(failure -> failed(context, upstream, failure));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
      context.response().headers().remove(CorrelationIds.HEADER);
      return context.sendResponse();
    }

    private Future<ProxyResponse> failed(
        ProxyContext context, Upstream upstream, Throwable failure) {
      String path = context.request().proxiedRequest().path();
      ProblemType type;
      String detail;
      if (failure instanceof TimeoutException) {
        // Reached but slow: not a reason to stop sending it requests.
        breakers.succeeded(upstream);
        type = ProblemType.GATEWAY_TIMEOUT;
        detail =
            upstream.serviceName()
                + " did not answer within "
                + config.upstreamTimeout().toSeconds()
                + " s";
      } else {
        breakers.failed(upstream);
        type = ProblemType.SERVICE_UNAVAILABLE;
        detail = unreachable(upstream);
      }
      Log.warnf("%s failed for %s: %s", upstream.serviceName(), path, failure.getMessage());
      Problem problem = ProblemResponses.problem(type, detail, path, List.of());
      ProxyResponse response =
          context
              .request()
              .release()
              .response()
              .setStatusCode(type.status())
              .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
              .setBody(Body.body(edge.body(problem)));
      if (type == ProblemType.SERVICE_UNAVAILABLE) {
        response.putHeader("Retry-After", "5");
      }
      return Future.succeededFuture(response);
    }
  }
}
