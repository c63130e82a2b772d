package org.psybiome.devtools.upload;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The two requests an upload makes: check a batch, post a batch. */
public interface UploadApi {

  /** An answer: status, headers (names lower-case) and body. */
  record Reply(int status, Map<String, List<String>> headers, String body) {

    /** The header's first value, or null. */
    public String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  /**
   * POSTs {@code body} to {@code path} with the Idempotency-Key {@code key}; an IOException when no
   * answer came (the connection failed, or the wait ran out).
   */
  Reply post(String path, String contentType, byte[] body, String key)
      throws IOException, InterruptedException;

  /** Over HTTP/1.1 with the JDK's client: {@code Authorization: Bearer} on every request. */
  static UploadApi http(URI gateway, String token, Duration timeout) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String base = gateway.toString().replaceAll("/+$", "");
    return (path, contentType, body, key) -> {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", contentType)
              .header("Accept", "application/json, application/problem+json")
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Map<String, List<String>> headers = new java.util.HashMap<>();
      response
          .headers()
          .map()
          .forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
      return new Reply(response.statusCode(), headers, response.body());
    };
  }
}
