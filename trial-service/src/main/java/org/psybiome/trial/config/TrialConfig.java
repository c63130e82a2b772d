package org.psybiome.trial.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the trial registry. */
@ConfigMapping(prefix = "psybiome.trial")
public interface TrialConfig {

  /** Topic of registered, updated, status-changed and unblinded events. */
  @WithDefault("psybiome.trial.events")
  String eventsTopic();

  /** Internal topic of participant allocations (carries arms; biomarker-service only). */
  @WithDefault("psybiome.trial.allocations")
  String allocationsTopic();

  /**
   * Largest body of a request about one trial record (Content-Length); imports, which may carry
   * many studies, are bounded only by the HTTP layer's limit.
   */
  @WithDefault("1M")
  io.quarkus.runtime.configuration.MemorySize maxRecordBody();

  /** Largest page a search or listing returns. */
  @WithDefault("200")
  int maxPageSize();
}
