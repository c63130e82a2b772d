package org.psybiome.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeoutException;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.edge.CircuitBreakers;
import org.psybiome.gateway.routing.Upstream;

/**
 * Non-blocking JSON GETs to the services for what the gateway composes itself. Goes through the
 * same circuit breakers as the proxy, so a service the proxy has given up on is not asked here
 * either, and a failure seen here counts towards opening its circuit.
 */
@ApplicationScoped
public class UpstreamClient {

  private final GatewayConfig config;
  private final CircuitBreakers breakers;
  private final ObjectMapper json;
  private final HttpClient client;

  UpstreamClient(Vertx vertx, GatewayConfig config, CircuitBreakers breakers, ObjectMapper json) {
    this.config = config;
    this.json = json;
    this.breakers = breakers;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setKeepAlive(true)
                .setMaxPoolSize(50));
  }

  /**
   * GETs {@code pathAndQuery} from {@code upstream} with {@code headers} (the caller's
   * Authorization, correlation id, traceparent). Fails with {@link UpstreamUnavailable} when there
   * is no answer within {@code timeout}; any answer, 4xx and 5xx included, is a reply.
   */
  public Future<UpstreamReply> get(
      Upstream upstream, String pathAndQuery, Map<String, String> headers, Duration timeout) {
    OptionalLong open = breakers.acquire(upstream);
    if (open.isPresent()) {
      return Future.failedFuture(
          new UpstreamUnavailable(
              upstream, UpstreamUnavailable.Reason.CIRCUIT_OPEN, open.getAsLong()));
    }
    URI base = config.urlOf(upstream);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(base.getHost())
            .setPort(base.getPort())
            .setSsl("https".equals(base.getScheme()))
            .setURI(pathAndQuery)
            .setIdleTimeout(timeout.toMillis())
            .putHeader(HttpHeaders.ACCEPT, "application/json");
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            options.putHeader(name, value);
          }
        });
    return client
        .request(options)
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> reply(response.statusCode(), body)))
        .transform(
            done -> {
              if (done.succeeded()) {
                breakers.succeeded(upstream);
                return Future.succeededFuture(done.result());
              }
              if (done.cause() instanceof TimeoutException) {
                // Reached but slow: not a reason to stop sending it requests (as in the proxy).
                breakers.succeeded(upstream);
                return Future.failedFuture(
                    new UpstreamUnavailable(upstream, UpstreamUnavailable.Reason.TIMEOUT, 0));
              }
              breakers.failed(upstream);
              return Future.failedFuture(
                  new UpstreamUnavailable(upstream, UpstreamUnavailable.Reason.UNREACHABLE, 0));
            });
  }

  private UpstreamReply reply(int status, Buffer body) {
    JsonNode parsed;
    try {
      parsed = body.length() == 0 ? json.createObjectNode() : json.readTree(body.getBytes());
    } catch (java.io.IOException e) {
      parsed = json.createObjectNode();
    }
    return new UpstreamReply(status, parsed == null ? json.createObjectNode() : parsed);
  }
}
