package org.psybiome.gateway.feed;

import io.quarkus.logging.Log;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One client's stream. Reads the shared buffer at the client's own pace, on the connection's event
 * loop: it writes while the response's write queue has room and then waits for it to drain, so a
 * slow client only falls behind itself. One so slow that the buffer has moved past its cursor gets
 * a last {@code feed-lagged} event (whose id resumes where it stood) and is closed; reconnecting
 * with that id catches up from Kafka.
 */
final class FeedConnection implements EventBuffer.Listener {

  static final String LAGGED = "feed-lagged";

  private final Vertx vertx;
  private final Context context;
  private final HttpServerResponse response;
  private final EventBuffer buffer;
  private final FeedFilter filter;
  private final AtomicBoolean drainScheduled = new AtomicBoolean();

  /** Owned by the catch-up thread until {@link #goLive}, then by the event loop. */
  private final Frontier position;

  private long cursor;
  private long heartbeat = -1;
  private volatile boolean closed;

  FeedConnection(
      Vertx vertx,
      HttpServerResponse response,
      EventBuffer buffer,
      FeedFilter filter,
      Frontier position) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.response = response;
    this.buffer = buffer;
    this.filter = filter;
    this.position = position;
    response.closeHandler(v -> close());
    response.exceptionHandler(e -> close());
  }

  FeedFilter filter() {
    return filter;
  }

  Frontier position() {
    return position;
  }

  boolean closed() {
    return closed;
  }

  void heartbeatEvery(Duration interval) {
    heartbeat =
        vertx.setPeriodic(
            interval.toMillis(),
            id -> {
              // a client that has not read what it was sent gets no more, not even this
              if (!closed && !response.writeQueueFull()) {
                response.write(": heartbeat\n\n");
              }
            });
  }

  /** From now on, reads the shared buffer from event number {@code seq}. */
  void goLive(long seq) {
    context.runOnContext(
        v -> {
          cursor = seq;
          buffer.listen(this);
          drain();
        });
  }

  @Override
  public void eventsAdded() {
    if (drainScheduled.compareAndSet(false, true)) {
      context.runOnContext(
          v -> {
            drainScheduled.set(false);
            drain();
          });
    }
  }

  private void drain() {
    if (closed) {
      return;
    }
    // checked even while the client's queue is full: one that stopped reading is let go too
    if (buffer.evicted(cursor)) {
      lagged();
      return;
    }
    while (!response.writeQueueFull()) {
      FeedEvent event;
      try {
        event = buffer.get(cursor);
      } catch (IllegalStateException evicted) {
        lagged();
        return;
      }
      if (event == null) {
        return;
      }
      cursor++;
      if (event.offset() < position.next(event.partition())) {
        continue; // sent before the client reconnected
      }
      position.pass(event.partition(), event.offset());
      if (filter.admits(event)) {
        response.write(frame(event, position));
      }
    }
    response.drainHandler(v -> drain());
  }

  private void lagged() {
    Log.infof("Closing a feed connection that fell %d events behind", buffer.live().seq() - cursor);
    boolean stuck = response.writeQueueFull();
    close(); // first: nothing else may write to it now
    response.end(
        "id: "
            + position.encode()
            + "\nevent: "
            + LAGGED
            + "\ndata: {\"reason\":\"the client read too slowly; reconnect with Last-Event-ID to"
            + " continue\"}\n\n");
    if (stuck) {
      // it is not reading at all: do not keep its connection for it
      response.close();
    }
  }

  /**
   * Writes catch-up events from the catch-up thread and waits until the client has taken them, so
   * that a catch-up holds at most one poll's events in memory.
   */
  void writeAndWait(List<String> frames) throws InterruptedException {
    CompletableFuture<Void> written = new CompletableFuture<>();
    context.runOnContext(
        v -> {
          if (closed) {
            written.complete(null);
            return;
          }
          frames.forEach(response::write);
          if (response.writeQueueFull()) {
            response.drainHandler(x -> written.complete(null));
          } else {
            written.complete(null);
          }
        });
    while (!closed) {
      try {
        written.get(1, TimeUnit.SECONDS);
        return;
      } catch (java.util.concurrent.TimeoutException e) {
        // still waiting for a slow client; look again whether it left
      } catch (java.util.concurrent.ExecutionException e) {
        return;
      }
    }
  }

  /** Ends the stream because the feed cannot go on (e.g. Kafka failed during a catch-up). */
  void fail() {
    context.runOnContext(
        v -> {
          if (!closed) {
            response.end();
            close();
          }
        });
  }

  private void close() {
    closed = true;
    buffer.unlisten(this);
    if (heartbeat >= 0) {
      vertx.cancelTimer(heartbeat);
    }
  }

  static String frame(FeedEvent event, Frontier after) {
    return "id: "
        + after.encode()
        + "\nevent: "
        + event.type()
        + "\ndata: "
        + event.json()
        + "\n\n";
  }
}
