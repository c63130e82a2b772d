package org.psybiome.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where the services are and how long the gateway waits for them. */
@ConfigMapping(prefix = "psybiome.gateway")
public interface GatewayConfig {

  /** Base URL of trial-service, e.g. {@code http://trial-service:8081}. */
  URI trialServiceUrl();

  /** Base URL of biomarker-service, e.g. {@code http://biomarker-service:8082}. */
  URI biomarkerServiceUrl();

  /** How long to wait for a connection to a service before answering 503. */
  @WithDefault("2S")
  Duration connectTimeout();

  /** A proxied exchange idle for this long is cut off. */
  @WithDefault("60S")
  Duration idleTimeout();
}
