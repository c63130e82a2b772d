package org.psybiome.gateway.feed;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.gateway.config.GatewayConfig;
import org.psybiome.gateway.edge.EdgeProblems;
import org.psybiome.gateway.edge.VerifiedCaller;

/**
 * {@code GET /api/v1/events}: the live event feed as Server-Sent Events. Each event is sent with
 * {@code id:} its position in the feed (see {@link Frontier}), {@code event:} its CloudEvents type
 * and {@code data:} the CloudEvent JSON as published. {@code Last-Event-ID} resumes after the event
 * it names: from the shared buffer when it is still there, else first from Kafka. Filters {@code
 * trial} and {@code type} may be repeated or comma-separated. What the caller may see is decided
 * per event ({@link Audience}). The edge checks (token, rate limit) have run before this.
 */
@ApplicationScoped
public class EventFeedRoute {

  public static final String PATH = "/api/v1/events";
  static final String MEDIA_TYPE = "text/event-stream";

  /** The query parameters the feed takes, each repeatable; any other is refused. */
  static final Set<String> PARAMETERS = new TreeSet<>(List.of("trial", "type"));

  private final Vertx vertx;
  private final GatewayConfig.Events config;
  private final FeedConsumer feed;
  private final EventReader reader;
  private final EdgeProblems problems;
  private final Semaphore catchUps;
  private final ExecutorService catchUpThreads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "event-feed-catch-up");
            thread.setDaemon(true);
            return thread;
          });

  EventFeedRoute(
      Vertx vertx,
      GatewayConfig config,
      FeedConsumer feed,
      EventReader reader,
      EdgeProblems problems) {
    this.vertx = vertx;
    this.config = config.events();
    this.feed = feed;
    this.reader = reader;
    this.problems = problems;
    this.catchUps = new Semaphore(this.config.maxCatchUps());
  }

  void install(@Observes Router router) {
    // after the edge checks of ApiProxy (order 10), which hand the gateway's own paths on
    router.get(PATH).order(11).handler(this::open);
  }

  void stop(@Observes ShutdownEvent event) {
    catchUpThreads.shutdownNow();
  }

  private void open(RoutingContext ctx) {
    Set<String> unknown = new TreeSet<>(ctx.queryParams().names());
    unknown.removeAll(PARAMETERS);
    if (!unknown.isEmpty()) {
      // ignored, a misspelt filter (?trail=...) would stream every event the caller may see
      problems.refuse(
          ctx,
          ProblemType.VALIDATION,
          "Unknown query parameters "
              + unknown
              + "; the feed takes "
              + String.join(" and ", PARAMETERS)
              + " only",
          Map.of());
      return;
    }
    FeedFilter filter =
        new FeedFilter(VerifiedCaller.of(ctx), values(ctx, "trial"), values(ctx, "type"));
    String lastEventId = ctx.request().getHeader("Last-Event-ID");
    Frontier position;
    long seq;
    if (lastEventId == null || lastEventId.isBlank()) {
      EventBuffer.Start start = feed.buffer().live();
      position = start.position();
      seq = start.seq();
    } else {
      try {
        position = Frontier.decode(lastEventId).retainTopics(feed.topics());
      } catch (IllegalArgumentException e) {
        problems.refuse(
            ctx,
            ProblemType.VALIDATION,
            "Last-Event-ID is not an id this feed sent; reconnect without it",
            Map.of());
        return;
      }
      seq = feed.buffer().resumeAt(position);
      if (seq < 0 && !catchUps.tryAcquire()) {
        problems.refuse(
            ctx,
            ProblemType.SERVICE_UNAVAILABLE,
            "Too many clients are catching up on missed events; try again shortly",
            Map.of("Retry-After", "5"));
        return;
      }
    }
    var response = ctx.response();
    response
        .setChunked(true)
        .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE + ";charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
        // nginx and similar proxies would otherwise buffer the stream
        .putHeader("X-Accel-Buffering", "no");
    // sends the headers now, so the client knows at once that it is connected
    response.write(": psybiome event feed\nretry: 3000\n\n");
    FeedConnection connection =
        new FeedConnection(vertx, response, feed.buffer(), filter, position);
    connection.heartbeatEvery(config.heartbeat());
    if (seq >= 0) {
      connection.goLive(seq);
    } else {
      Log.debugf("Feed connection catches up from %s", position);
      catchUpThreads.execute(new CatchUpReader(feed, reader, connection, catchUps::release));
    }
  }

  /** A repeatable, comma-separated query parameter. */
  private static Set<String> values(RoutingContext ctx, String name) {
    Set<String> values = new LinkedHashSet<>();
    List<String> given = ctx.queryParam(name);
    for (String value : given) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          values.add(part.trim());
        }
      }
    }
    return values;
  }
}
