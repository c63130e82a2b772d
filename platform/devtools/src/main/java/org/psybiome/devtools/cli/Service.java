package org.psybiome.devtools.cli;

import java.net.URI;

/** The three services, in the order {@code up} starts them, with their local ports. */
enum Service {
  TRIAL_SERVICE("trial-service", 8081),
  BIOMARKER_SERVICE("biomarker-service", 8082),
  GATEWAY("gateway", 8080);

  final String id;
  final int port;

  Service(String id, int port) {
    this.id = id;
    this.port = port;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  URI readinessUri() {
    return baseUri().resolve("/q/health/ready");
  }
}
