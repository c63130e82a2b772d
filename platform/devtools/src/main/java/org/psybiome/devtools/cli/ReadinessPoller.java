package org.psybiome.devtools.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Asks a service's readiness endpoint ({@code /q/health/ready}) until it answers 200, the process
 * behind it exits, or a deadline passes. Quarkus answers 503 while a check (database, Kafka) is
 * down, and nothing at all before its HTTP server is up; both mean "not yet".
 */
final class ReadinessPoller {

  enum Outcome {
    READY,
    EXITED,
    TIMED_OUT
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
  private final Duration interval;

  ReadinessPoller(Duration interval) {
    this.interval = interval;
  }

  /** One probe: true if the endpoint answers 200 now. */
  boolean isReady(URI endpoint) {
    HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT).GET().build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false; // not listening yet, or the connection dropped: not ready
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Polls until ready or the deadline; {@code alive} is asked between probes so that a process that
   * died at start is reported at once rather than after the whole timeout.
   */
  Outcome await(URI endpoint, Instant deadline, BooleanSupplier alive) {
    return await(() -> isReady(endpoint), deadline, alive);
  }

  /** The same for a probe of any kind (a port that accepts, a database that answers). */
  Outcome await(BooleanSupplier ready, Instant deadline, BooleanSupplier alive) {
    while (true) {
      if (ready.getAsBoolean()) {
        return Outcome.READY;
      }
      if (!alive.getAsBoolean()) {
        return Outcome.EXITED;
      }
      if (!Instant.now().isBefore(deadline)) {
        return Outcome.TIMED_OUT;
      }
      try {
        // A plain pause: the processes polled signal readiness only by answering, never by an
        // event this program could wait on.
        Thread.sleep(interval.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.TIMED_OUT;
      }
    }
  }
}
