package org.psybiome.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A thin wrapper of the JDK HTTP/1.1 client: one connection pool shared by all callers. */
final class Http {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HttpResponse<String> get(URI uri, String token) {
    return send(request(uri, token).GET().build());
  }

  /** A GET whose body is drained and dropped: latency runs must not measure our string decoding. */
  int getStatus(URI uri, String token) {
    try {
      return client
          .send(request(uri, token).GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  HttpResponse<String> send(
      String method,
      URI uri,
      String token,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    HttpRequest.Builder builder =
        request(uri, token)
            .header("Content-Type", contentType)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return send(builder.build());
  }

  private static HttpRequest.Builder request(URI uri, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  static HttpResponse<String> expect(HttpResponse<String> response, int status) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + " (expected "
              + status
              + "): "
              + abbreviate(response.body()));
    }
    return response;
  }

  private static String abbreviate(String body) {
    return body == null || body.length() < 2000 ? body : body.substring(0, 2000) + "...";
  }
}
