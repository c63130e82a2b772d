package org.psybiome.systemtests.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The drills' HTTP client: many threads, a hard timeout per request (a request that outlives it
 * counts as a hang, which a drill treats as a failure), and no exception for a refused connection:
 * every outcome is a {@link Reply}, so a drill can count them.
 */
final class DrillHttp {

  /** A response, or the reason there was none (status 0). */
  record Reply(
      int status,
      String contentType,
      String body,
      Map<String, java.util.List<String>> headers,
      String failure) {

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }

    boolean hung() {
      return "timeout".equals(failure);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst()
          .orElse(null);
    }
  }

  static final Duration HANG = Duration.ofSeconds(30);

  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newCachedThreadPool())
          .build();

  DrillHttp(URI base) {
    this.base = base;
  }

  Reply get(String path, String bearer) {
    return send(request(path, bearer).GET().build());
  }

  Reply post(
      String path, String bearer, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path, bearer)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  Reply put(String path, String bearer, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        request(path, bearer)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request.build());
  }

  /**
   * A POST over a connection of its own (HTTP/1.1) whose body is sent but for its last byte; then
   * {@code held} is counted down and the last byte waits for {@code release}. Many of these
   * released together arrive at the service complete within moments of each other, however long
   * each took to upload: the requests really overlap.
   */
  Reply postHeldBack(
      String path,
      String bearer,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      java.util.concurrent.CountDownLatch held,
      java.util.concurrent.CountDownLatch release) {
    HttpRequest.Builder request =
        request(path, bearer)
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", contentType)
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    new HeldBackBody(body, held, release), body.length));
    headers.forEach(request::header);
    return send(request.build());
  }

  /** Publishes all of a body but its last byte, then the last byte once released. */
  private record HeldBackBody(
      byte[] body,
      java.util.concurrent.CountDownLatch held,
      java.util.concurrent.CountDownLatch release)
      implements java.util.concurrent.Flow.Publisher<java.nio.ByteBuffer> {

    @Override
    public void subscribe(
        java.util.concurrent.Flow.Subscriber<? super java.nio.ByteBuffer> subscriber) {
      java.util.concurrent.Semaphore demand = new java.util.concurrent.Semaphore(0);
      java.util.concurrent.atomic.AtomicBoolean cancelled =
          new java.util.concurrent.atomic.AtomicBoolean();
      subscriber.onSubscribe(
          new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {
              demand.release((int) Math.min(n, 1_000));
            }

            @Override
            public void cancel() {
              cancelled.set(true);
              demand.release(2);
            }
          });
      Thread sender =
          new Thread(
              () -> {
                try {
                  demand.acquire();
                  if (cancelled.get()) {
                    return;
                  }
                  subscriber.onNext(java.nio.ByteBuffer.wrap(body, 0, body.length - 1));
                  held.countDown();
                  release.await();
                  demand.acquire();
                  if (cancelled.get()) {
                    return;
                  }
                  subscriber.onNext(java.nio.ByteBuffer.wrap(body, body.length - 1, 1));
                  subscriber.onComplete();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  subscriber.onError(e);
                }
              },
              "held-back-body");
      sender.setDaemon(true);
      sender.start();
    }
  }

  private HttpRequest.Builder request(String path, String bearer) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(HANG);
    if (bearer != null) {
      builder.header("Authorization", bearer);
    }
    return builder;
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.body(),
          response.headers().map(),
          null);
    } catch (HttpTimeoutException e) {
      return new Reply(0, null, "", Map.of(), "timeout");
    } catch (IOException e) {
      return new Reply(0, null, "", Map.of(), "io: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, null, "", Map.of(), "interrupted");
    }
  }
}
