package org.psybiome.trial.config;

import io.quarkus.runtime.configuration.MemorySize;
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

  /** The largest body each write operation takes (413 beyond, before it is read). */
  BodyLimit bodyLimit();

  interface BodyLimit {

    /** A trial record (POST and PUT /trials): its schedule, arms and outcomes fit in far less. */
    @WithDefault("1M")
    MemorySize record();

    /**
     * A change about one trial or participant (status, unblinding, enrolment, screening, a
     * participant's follow-up or unblinding): a handful of fields and a reason of free text.
     */
    @WithDefault("256K")
    MemorySize change();

    /**
     * A ClinicalTrials.gov import: a study document is about 100 KB with its results section, so a
     * page of a few dozen studies fits.
     */
    @WithDefault("8M")
    MemorySize ctgovImport();
  }

  /**
   * Memory kept for renderings of trials read by id (their JSON, one per trial at its current
   * stamp; a record is 4-6 KB, so the default keeps a few thousand).
   */
  @WithDefault("16M")
  MemorySize readCache();

  /** Largest page a search or listing returns. */
  @WithDefault("200")
  int maxPageSize();
}
