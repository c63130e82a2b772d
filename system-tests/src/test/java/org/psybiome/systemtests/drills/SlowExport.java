package org.psybiome.systemtests.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.psybiome.systemtests.harness.Trials;

/**
 * One client of a result export that reads as slowly as a poor connection would: small reads with
 * pauses while {@code hurry} is closed, so its export stays open on the server; then the rest at
 * full speed, counting the lines (one result each in NDJSON). A refused export's problem is kept
 * whole, together with whether any byte of it looked like a result.
 */
final class SlowExport {

  /** What became of the export. {@code status} 0: no answer's head within the timeout. */
  record Outcome(
      String consortium,
      int status,
      String contentType,
      String retryAfter,
      String problem,
      long lines,
      Instant answeredAt,
      Instant endedAt,
      String failure) {

    boolean admitted() {
      return status == 200;
    }

    boolean refusedAsProblemWithRetryAfter() {
      return (status == 429 || status == 503)
          && contentType != null
          && contentType.startsWith("application/problem+json")
          && retryAfter != null
          && retryAfter.matches("[0-9]+")
          && isTheProblem();
    }

    /** The body is the problem itself, nothing of an export before it, and it names exports. */
    private boolean isTheProblem() {
      try {
        JsonNode body = Trials.JSON.readTree(problem);
        return body.path("status").asInt() == status
            && body.path("detail").asText().contains("exports");
      } catch (IOException e) {
        return false;
      }
    }
  }

  /** Bytes per slow read and the pause after it: about 40 KB/s. */
  private static final int SLOW_READ = 4096;

  private static final Duration PAUSE = Duration.ofMillis(100);
  private static final Duration HEAD = Duration.ofSeconds(30);

  private final HttpClient client;
  private final URI uri;
  private final String bearer;
  private final String consortium;

  SlowExport(HttpClient client, URI uri, String bearer, String consortium) {
    this.client = client;
    this.uri = uri;
    this.bearer = bearer;
    this.consortium = consortium;
  }

  /** Opens the export; a refused one ends here, an admitted one is read until it ends. */
  Outcome run(CountDownLatch answered, CountDownLatch hurry) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", bearer)
            .header("Accept", "application/x-ndjson")
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response =
          client
              .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
              .get(HEAD.toSeconds(), TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      answered.countDown();
      return failed("no answer's head within " + HEAD.toSeconds() + " s");
    } catch (ExecutionException e) {
      answered.countDown();
      return failed("io: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      answered.countDown();
      return failed("interrupted");
    }
    Instant answeredAt = Instant.now();
    answered.countDown();
    String contentType = response.headers().firstValue("Content-Type").orElse(null);
    String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        String problem = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome(
            consortium,
            response.statusCode(),
            contentType,
            retryAfter,
            problem,
            0,
            answeredAt,
            Instant.now(),
            null);
      }
      long lines = 0;
      byte[] buffer = new byte[64 * 1024];
      while (true) {
        boolean slow = hurry.getCount() > 0;
        int read = body.read(buffer, 0, slow ? SLOW_READ : buffer.length);
        if (read < 0) {
          break;
        }
        for (int i = 0; i < read; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (slow) {
          // the pace of a slow reader, not a wait for a condition: ends early once told to hurry
          hurry.await(PAUSE.toMillis(), TimeUnit.MILLISECONDS);
        }
      }
      return new Outcome(
          consortium, 200, contentType, retryAfter, "", lines, answeredAt, Instant.now(), null);
    } catch (IOException e) {
      return new Outcome(
          consortium,
          response.statusCode(),
          contentType,
          retryAfter,
          "",
          -1,
          answeredAt,
          Instant.now(),
          "io while reading: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("interrupted while reading");
    }
  }

  private Outcome failed(String why) {
    return new Outcome(consortium, 0, null, null, "", -1, null, Instant.now(), why);
  }
}
