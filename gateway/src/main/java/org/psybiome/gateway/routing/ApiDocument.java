package org.psybiome.gateway.routing;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.model.Upstream;

/**
 * Serves the merged OpenAPI document of the whole API at {@code GET /openapi.json}. The services'
 * documents are fetched on the first request and then in the background every refresh interval;
 * requests get the last merged document at once. A service that is down leaves its part out (and is
 * named in the document) rather than failing the whole document.
 */
@ApplicationScoped
public class ApiDocument {

  public static final String PATH = "/openapi.json";

  /** An incomplete document is fetched again on request, but not more often than this. */
  private static final long RETRY_INCOMPLETE_NANOS = 5_000_000_000L;

  private record Snapshot(String json, boolean complete, long madeAt) {}

  private final Vertx vertx;
  private final GatewayConfig config;
  private final OpenApiMerger merger;

  private final HttpClient client;
  private long timer = -1;
  private volatile Snapshot current;
  private Future<Snapshot> inFlight;

  private final OpenApiDocumentService ownDocument;

  ApiDocument(
      Vertx vertx, GatewayConfig config, RouteTable routes, OpenApiDocumentService ownDocument) {
    this.vertx = vertx;
    this.ownDocument = ownDocument;
    this.config = config;
    this.merger = new OpenApiMerger(routes);
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(2));
  }

  void start(@Observes StartupEvent event) {
    timer = vertx.setPeriodic(config.openapi().refreshInterval().toMillis(), id -> refresh());
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  void install(@Observes Router router) {
    router
        .get(PATH)
        .handler(
            ctx ->
                document()
                    .onSuccess(
                        snapshot ->
                            ctx.response()
                                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                                .end(snapshot.json()))
                    .onFailure(ctx::fail));
  }

  private Future<Snapshot> document() {
    Snapshot snapshot = current;
    if (snapshot == null
        || (!snapshot.complete()
            && System.nanoTime() - snapshot.madeAt() > RETRY_INCOMPLETE_NANOS)) {
      return refresh();
    }
    return Future.succeededFuture(snapshot);
  }

  /** Fetches and merges anew; a refresh already under way is joined rather than repeated. */
  private synchronized Future<Snapshot> refresh() {
    if (inFlight != null) {
      return inFlight;
    }
    List<Future<Optional<JsonObject>>> fetches = new ArrayList<>();
    for (Upstream upstream : Upstream.values()) {
      fetches.add(fetch(upstream));
    }
    inFlight =
        Future.join(fetches)
            .transform(
                done -> {
                  Map<Upstream, Optional<JsonObject>> documents = new EnumMap<>(Upstream.class);
                  for (int i = 0; i < fetches.size(); i++) {
                    documents.put(Upstream.values()[i], fetches.get(i).result());
                  }
                  JsonObject merged = merger.merge(own(), documents, serverUrl());
                  Snapshot snapshot =
                      new Snapshot(
                          merged.encode(),
                          merged.getJsonArray(OpenApiMerger.MISSING_SERVICES).isEmpty(),
                          System.nanoTime());
                  current = snapshot;
                  return Future.succeededFuture(snapshot);
                })
            .onComplete(done -> clearInFlight());
    return inFlight;
  }

  private synchronized void clearInFlight() {
    inFlight = null;
  }

  /** One service's document, or empty (logged) when it cannot be had. */
  private Future<Optional<JsonObject>> fetch(Upstream upstream) {
    URI base = config.urlOf(upstream);
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.GET)
            .setHost(base.getHost())
            .setPort(base.getPort())
            .setSsl("https".equals(base.getScheme()))
            .setURI("/q/openapi?format=json")
            .setIdleTimeout(config.openapi().fetchTimeout().toMillis())
            .putHeader(HttpHeaders.ACCEPT, "application/json");
    return client
        .request(options)
        .compose(request -> request.send())
        .compose(
            response ->
                response.statusCode() == 200
                    ? response.body()
                    : Future.failedFuture("status " + response.statusCode()))
        .map(body -> Optional.of(body.toJsonObject()))
        .otherwise(
            failure -> {
              Log.warnf(
                  "OpenAPI document of %s unavailable: %s",
                  upstream.serviceName(), failure.getMessage());
              return Optional.empty();
            });
  }

  /** The gateway's own document (overview, event feed), built in-process. */
  private Optional<JsonObject> own() {
    try {
      byte[] json = ownDocument.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON);
      return Optional.of(new JsonObject(Buffer.buffer(json)));
    } catch (RuntimeException e) {
      Log.warnf("The gateway's own API document is unavailable: %s", e.getMessage());
      return Optional.empty();
    }
  }

  private String serverUrl() {
    return config.publicUrl().map(URI::toString).orElse("/");
  }
}
