package org.psybiome.gateway.edge;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway's plain-HTTP listener does not switch a connection to HTTP/2 ({@code Upgrade: h2c});
 * HTTP/2 over TLS (ALPN) is untouched. Drill 2 found why: the JDK's {@code HttpClient} at its
 * default version asks for h2c on its first request, a POST with its body included; Vert.x upgrades
 * it, and when the service then died after reading the body, the gateway made its 502 {@code
 * outcome-unknown} problem at once but the client never received it and waited for its own 30 s
 * timeout ({@code
 * UpstreamFailureTest.bigWriteWhoseServiceDiesWhileWorkingOnItIsAnswered502Promptly} at HTTP/2
 * timed out before this; it is answered over HTTP/1.1 now). Browsers never use h2c, so declining
 * the upgrade costs nothing: such a client simply goes on in HTTP/1.1.
 */
@ApplicationScoped
public class NoCleartextHttp2Upgrade implements HttpServerOptionsCustomizer {

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.setHttp2ClearTextEnabled(false);
  }
}
