package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller against a tiny HTTP server that plays a service starting up. */
class ReadinessPollerTest {

  private final ReadinessPoller poller = new ReadinessPoller(Duration.ofMillis(10));
  private final AtomicInteger requests = new AtomicInteger();
  private HttpServer server;

  /** Answers 503 (as Quarkus does while a check is down) until the n-th request, then 200. */
  private URI serviceReadyAtRequest(int n) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/q/health/ready",
        exchange -> {
          int status = requests.incrementAndGet() >= n ? 200 : 503;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/q/health/ready");
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void readyAfterTheFifthPoll() throws Exception {
    URI endpoint = serviceReadyAtRequest(5);
    var outcome = poller.await(endpoint, Instant.now().plusSeconds(30), () -> true);
    assertEquals(ReadinessPoller.Outcome.READY, outcome);
    assertEquals(5, requests.get(), "four 503s, then the 200 that ends the wait");
  }

  @Test
  void neverReadyTimesOutAtTheDeadline() throws Exception {
    URI endpoint = serviceReadyAtRequest(Integer.MAX_VALUE);
    Instant start = Instant.now();
    var outcome = poller.await(endpoint, start.plusMillis(400), () -> true);
    assertEquals(ReadinessPoller.Outcome.TIMED_OUT, outcome);
    assertTrue(Duration.between(start, Instant.now()).toMillis() >= 400, "waited the whole time");
    assertTrue(requests.get() > 1, "polled more than once: " + requests.get());
  }

  @Test
  void aProcessThatDiedIsReportedWithoutWaitingForTheDeadline() throws Exception {
    URI endpoint = serviceReadyAtRequest(Integer.MAX_VALUE);
    Instant start = Instant.now();
    var outcome = poller.await(endpoint, start.plusSeconds(30), () -> false);
    assertEquals(ReadinessPoller.Outcome.EXITED, outcome);
    assertTrue(Duration.between(start, Instant.now()).toSeconds() < 5);
  }

  @Test
  void nothingListeningIsNotReady() throws Exception {
    URI endpoint = serviceReadyAtRequest(1);
    assertTrue(poller.isReady(endpoint));
    server.stop(0);
    server = null;
    assertFalse(poller.isReady(endpoint));
  }

  @Test
  void anyProbeIsPolledTheSameWay() {
    // Kafka's port and PostgreSQL are waited for with the same loop: ready on the 3rd probe here.
    AtomicInteger probes = new AtomicInteger();
    ReadinessPoller.Outcome outcome =
        poller.await(
            () -> probes.incrementAndGet() == 3, Instant.now().plusSeconds(10), () -> true);
    assertEquals(ReadinessPoller.Outcome.READY, outcome);
    assertEquals(3, probes.get());
    assertEquals(
        ReadinessPoller.Outcome.EXITED,
        poller.await(() -> false, Instant.now().plusSeconds(10), () -> false));
  }
}
