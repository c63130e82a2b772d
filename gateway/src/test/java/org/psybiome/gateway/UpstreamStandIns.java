package org.psybiome.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for trial-service and biomarker-service that answer with what they received (method,
 * path, query, selected headers, body length), so routing and pass-through can be checked, that
 * serve a small OpenAPI document of their own at {@code /q/openapi}, remember which paths reached
 * them, and can be taken down to simulate an unreachable service.
 */
public class UpstreamStandIns implements QuarkusTestResourceLifecycleManager {

  /** A stand-in answers with the status and headers the test asks for in these headers. */
  static final String RESPOND_STATUS = "X-Test-Respond-Status";

  /** A stand-in waits this many milliseconds before answering. */
  static final String RESPOND_AFTER_MS = "X-Test-Respond-After-Ms";

  private static Vertx vertx;
  private static final Map<String, StandIn> STAND_INS = new HashMap<>();

  /** A fixed answer for one path, given instead of the echo. */
  record Canned(int status, String body, long delayMs) {}

  /** When a stand-in told to hang up closes the connection, without answering. */
  enum HangUp {
    /** As soon as the request's headers are in, before reading its body. */
    AT_HEADERS,
    /** Once the whole request, body included, has been read: as a service dying mid-request. */
    AFTER_BODY,
    /** After the first chunk of the body. */
    MID_BODY,
    /**
     * Half a second after the whole request was read, as drill 2's service killed while it works on
     * a batch it has read.
     */
    WHILE_WORKING
  }

  static final class StandIn {
    final String name;
    final int port;
    final Set<String> seenPaths = ConcurrentHashMap.newKeySet();

    /** Fixed answers by path (query ignored), for tests that need real-looking bodies. */
    final Map<String, Canned> canned = new ConcurrentHashMap<>();

    /** The headers of the last request for each path, with its query. */
    final Map<String, MultiMap> lastHeaders = new ConcurrentHashMap<>();

    /** The client port of the connection of each request, by path: which connection it came on. */
    final Map<String, java.util.List<Integer>> connections = new ConcurrentHashMap<>();

    /** Client ports of the connections the other side (the gateway) has closed. */
    final java.util.Set<Integer> closedConnections = ConcurrentHashMap.newKeySet();

    /** How many requests for each path reached the stand-in. */
    final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();

    /** Paths whose next requests are hung up on, and how: {@link #hangUp}. */
    private final Map<String, HangUp> hangUps = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> hangUpsLeft = new ConcurrentHashMap<>();

    /** The next {@code times} requests for {@code path} get no answer: the connection closes. */
    void hangUp(String path, HangUp when, int times) {
      hangUps.put(path, when);
      hangUpsLeft.put(path, new AtomicInteger(times));
    }

    int requestsFor(String path) {
      AtomicInteger count = requestCounts.get(path);
      return count == null ? 0 : count.get();
    }

    /** True when this request is to be hung up on (and then counted as done). */
    private boolean hangsUp(HttpServerRequest request) {
      AtomicInteger left = hangUpsLeft.get(request.path());
      if (left == null || left.getAndDecrement() <= 0) {
        return false;
      }
      switch (hangUps.get(request.path())) {
        case AT_HEADERS -> request.connection().close();
        case AFTER_BODY -> request.endHandler(done -> request.connection().close());
        case MID_BODY -> request.handler(chunk -> request.connection().close());
        case WHILE_WORKING -> {
          io.vertx.core.Vertx vertx = io.vertx.core.Vertx.currentContext().owner();
          request.endHandler(done -> vertx.setTimer(500, timer -> request.connection().close()));
        }
      }
      return true;
    }

    HttpServer server;

    StandIn(String name, int port) {
      this.name = name;
      this.port = port;
    }

    synchronized void start() throws Exception {
      server =
          vertx
              .createHttpServer()
              .connectionHandler(
                  connection -> {
                    int clientPort = connection.remoteAddress().port();
                    connection.closeHandler(closed -> closedConnections.add(clientPort));
                  })
              .requestHandler(
                  request -> {
                    seenPaths.add(request.path());
                    requestCounts
                        .computeIfAbsent(request.path(), p -> new AtomicInteger())
                        .incrementAndGet();
                    connections
                        .computeIfAbsent(
                            request.path(), p -> new java.util.concurrent.CopyOnWriteArrayList<>())
                        .add(request.connection().remoteAddress().port());
                    if (hangsUp(request)) {
                      return;
                    }
                    lastHeaders.put(
                        request.uri(),
                        MultiMap.caseInsensitiveMultiMap().addAll(request.headers()));
                    Canned fixed = canned.get(request.path());
                    if (fixed != null) {
                      vertx.setTimer(
                          Math.max(1, fixed.delayMs()),
                          t ->
                              request
                                  .response()
                                  .setStatusCode(fixed.status())
                                  .putHeader(
                                      "Content-Type",
                                      fixed.status() >= 400
                                          ? "application/problem+json"
                                          : "application/json")
                                  .end(fixed.body()));
                      return;
                    }
                    if (request.path().equals("/q/openapi")) {
                      request
                          .response()
                          .putHeader("Content-Type", "application/json")
                          .end(OpenApiDocuments.of(name).encode());
                      return;
                    }
                    long[] length = {0};
                    request.handler(chunk -> length[0] += chunk.length());
                    request.endHandler(
                        done -> {
                          int status =
                              Integer.parseInt(
                                  request.headers().get(RESPOND_STATUS) == null
                                      ? "200"
                                      : request.headers().get(RESPOND_STATUS));
                          JsonObject echo =
                              new JsonObject()
                                  .put("service", name)
                                  .put("method", request.method().name())
                                  .put("path", request.path())
                                  .put("query", request.query())
                                  .put("bodyLength", length[0])
                                  .put("ifMatch", request.getHeader("If-Match"))
                                  .put("idempotencyKey", request.getHeader("Idempotency-Key"))
                                  .put("authorization", request.getHeader("Authorization"))
                                  .put("correlationId", request.getHeader("X-Correlation-Id"))
                                  .put("traceparent", request.getHeader("traceparent"))
                                  .put("contentType", request.getHeader("Content-Type"));
                          String delay = request.getHeader(RESPOND_AFTER_MS);
                          if (delay != null) {
                            vertx.setTimer(
                                Long.parseLong(delay), t -> answer(request, status, echo));
                          } else {
                            answer(request, status, echo);
                          }
                        });
                  })
              .listen(port, "127.0.0.1")
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request, int status, JsonObject echo) {
      String ifNoneMatch = request.getHeader("If-None-Match");
      if (status == 200 && ifNoneMatch != null && ifNoneMatch.replace("W/", "").equals("\"7\"")) {
        // as trial-service answers a conditional read naming the current version
        request.response().setStatusCode(304).putHeader("ETag", "\"7\"").end();
        return;
      }
      var response = request.response().setStatusCode(status);
      if (status >= 400) {
        response.putHeader("Content-Type", "application/problem+json");
        response.end(
            new JsonObject()
                .put("type", "https://psybiome.org/problems/conflict")
                .put("status", status)
                .put("detail", "from " + name)
                .encode());
        return;
      }
      response
          .putHeader("Content-Type", "application/json")
          .putHeader("ETag", "\"7\"")
          .putHeader("Location", "/api/v1/trials/PSB-2026-000001")
          .putHeader("Retry-After", "3")
          .end(echo.encode());
    }

    synchronized void stop() throws Exception {
      if (server != null) {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        server = null;
      }
    }
  }

  static StandIn get(String name) {
    return STAND_INS.get(name);
  }

  @Override
  public Map<String, String> start() {
    vertx = Vertx.vertx();
    try {
      for (String name : new String[] {"trial-service", "biomarker-service"}) {
        StandIn standIn = new StandIn(name, freePort());
        standIn.start();
        STAND_INS.put(name, standIn);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return Map.of(
        "psybiome.gateway.trial-service-url",
        "http://127.0.0.1:" + STAND_INS.get("trial-service").port,
        "psybiome.gateway.biomarker-service-url",
        "http://127.0.0.1:" + STAND_INS.get("biomarker-service").port,
        // short enough that the tests of timeouts, breakers and the API document do not wait long
        "psybiome.gateway.upstream-timeout",
        "2S",
        "psybiome.gateway.circuit-breaker.cool-down",
        "2S",
        // so that a test sees an idle pooled connection dropped without waiting the default 15 s
        "psybiome.gateway.keep-alive-timeout",
        "1S",
        "psybiome.gateway.openapi.refresh-interval",
        "1S",
        // a biomarker-service this slow counts as down for the overview
        "psybiome.gateway.overview.upstream-timeout",
        "1S",
        // small, so that a test can push an event out of the buffer and resume from Kafka
        "psybiome.gateway.events.buffer-size",
        "50",
        "psybiome.gateway.events.heartbeat",
        "1S",
        "psybiome.gateway.events.partition-refresh",
        "1S");
  }

  @Override
  public void stop() {
    vertx.close();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
