package org.psybiome.devtools;

import java.net.URI;
import java.time.Duration;
import org.psybiome.client.ApiClient;

/** The generated API client, set up to act with one token against one gateway. */
final class ApiClients {

  private ApiClients() {}

  /**
   * @param readTimeout how long one call may take: the time to the response's headers
   */
  static ApiClient of(URI gateway, String token, Duration readTimeout) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(gateway.toString().replaceAll("/+$", ""));
    client.setConnectTimeout(Duration.ofSeconds(5));
    client.setReadTimeout(readTimeout);
    client.setRequestInterceptor(request -> request.setHeader("Authorization", "Bearer " + token));
    return client;
  }
}
