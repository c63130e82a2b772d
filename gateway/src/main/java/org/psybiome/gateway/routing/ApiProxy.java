package org.psybiome.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.psybiome.common.problem.HttpLayerProblems;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.problem.ProblemResponses;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.web.CorrelationIds;
import org.psybiome.gateway.config.GatewayConfig;

/**
 * Streams {@code /api/v1/**} to the owning service with Vert.x's reverse proxy: bodies pass through
 * without being buffered, and status, headers and problem bodies come back unchanged. A service
 * that cannot be reached is a 503 problem.
 */
@ApplicationScoped
public class ApiProxy {

  private final Vertx vertx;
  private final GatewayConfig config;
  private final RouteTable routes;
  private final ObjectMapper json;
  private final HttpLayerProblems problems;

  ApiProxy(
      Vertx vertx,
      GatewayConfig config,
      RouteTable routes,
      ObjectMapper json,
      HttpLayerProblems problems) {
    this.vertx = vertx;
    this.config = config;
    this.routes = routes;
    this.json = json;
    this.problems = problems;
  }

  void install(@Observes Router router) {
    Map<Upstream, URI> origins = new EnumMap<>(Upstream.class);
    origins.put(Upstream.TRIAL_SERVICE, config.trialServiceUrl());
    origins.put(Upstream.BIOMARKER_SERVICE, config.biomarkerServiceUrl());

    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(100));
    HttpProxy proxy = HttpProxy.reverseProxy(client);
    proxy.originRequestProvider(
        (request, httpClient) -> {
          Upstream upstream = routes.ownerOf(request.path()).orElseThrow();
          URI origin = origins.get(upstream);
          request.headers().set(CorrelationIds.HEADER, correlationId(request));
          return httpClient.request(
              new RequestOptions()
                  .setHost(origin.getHost())
                  .setPort(origin.getPort())
                  .setSsl("https".equals(origin.getScheme())));
        });
    proxy.addInterceptor(new UnavailableAsProblem());

    router
        .route("/api/v1/*")
        .order(10)
        .handler(
            ctx -> {
              if (routes.ownerOf(ctx.normalizedPath()).isEmpty()) {
                problems.respond(ctx, 404);
              } else {
                proxy.handle(ctx.request());
              }
            });
  }

  private static String correlationId(HttpServerRequest request) {
    String id = request.response().headers().get(CorrelationIds.HEADER);
    return id != null ? id : request.getHeader(CorrelationIds.HEADER);
  }

  /**
   * Turns a failed connection to a service into a 503 problem instead of an empty 502, and keeps
   * one correlation id header (the service echoes the one the gateway sent it).
   */
  private final class UnavailableAsProblem implements ProxyInterceptor {

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
      context.response().headers().remove(CorrelationIds.HEADER);
      return context.sendResponse();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
      return context
          .sendRequest()
          .recover(
              failure -> {
                String path = context.request().getURI();
                Upstream upstream =
                    routes.ownerOf(context.request().proxiedRequest().path()).orElse(null);
                String service = upstream == null ? "the service" : upstream.serviceName();
                Log.warnf("%s unreachable for %s: %s", service, path, failure.getMessage());
                Problem problem =
                    ProblemResponses.problem(
                        ProblemType.SERVICE_UNAVAILABLE,
                        service + " cannot be reached; try again shortly",
                        context.request().proxiedRequest().path(),
                        List.of());
                ProxyResponse response =
                    context
                        .request()
                        .response()
                        .setStatusCode(503)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Retry-After", "5")
                        .setBody(Body.body(Buffer.buffer(serialize(problem))));
                return Future.succeededFuture(response);
              });
    }
  }

  private byte[] serialize(Problem problem) {
    try {
      return json.writeValueAsBytes(problem);
    } catch (Exception e) {
      return new byte[0];
    }
  }
}
