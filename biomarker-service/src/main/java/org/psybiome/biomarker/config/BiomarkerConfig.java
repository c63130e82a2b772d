package org.psybiome.biomarker.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of biomarker-service. */
@ConfigMapping(prefix = "psybiome.biomarker")
public interface BiomarkerConfig {

  /** How trial-service's events are consumed. */
  TrialEvents trialEvents();

  /** The most rows one result batch may carry; a larger batch is refused whole. */
  @WithDefault("100000")
  int maxBatchRows();

  /** The largest body each write operation takes (413 beyond, before it is read). */
  BodyLimit bodyLimit();

  interface BodyLimit {

    /** An analyte of the catalogue (POST and PUT /analytes): codes, names, units and ranges. */
    @WithDefault("256K")
    MemorySize analyte();

    /** A panel (POST and PUT /panels): a name and at most 500 analyte codes. */
    @WithDefault("256K")
    MemorySize panel();

    /** A correction of one result: a value, unit, flags and a reason of free text. */
    @WithDefault("256K")
    MemorySize correction();

    /**
     * A result batch (posted or checked): {@link BiomarkerConfig#maxBatchRows} rows of a few
     * hundred bytes each, so the HTTP layer's 64 MB.
     */
    @WithDefault("64M")
    MemorySize batch();
  }

  /** How many row errors a refused batch lists; the rest are only counted. */
  @WithDefault("1000")
  int maxListedViolations();

  /** How long Idempotency-Keys of result POSTs live. */
  Idempotency idempotency();

  interface Idempotency {

    /**
     * An IN_FLIGHT key older than this was left by an instance that crashed mid-batch (nothing of
     * its batch was stored): the next request with the key takes it over. Longer than the slowest
     * batch, so that a live request is never taken over.
     */
    @WithDefault("10m")
    Duration lease();

    /** A COMPLETED key replays its response this long; the cleanup then deletes it. */
    @WithDefault("7d")
    Duration retention();

    /** How often the cleanup runs (each replica; the DELETE is idempotent). */
    @WithDefault("1h")
    String cleanupEvery();
  }

  /** Streaming exports of a trial's results. */
  Export export();

  interface Export {

    /**
     * Rows the database cursor hands over per round trip: large enough to keep round trips few,
     * small enough that an export's memory does not grow with the trial.
     */
    @WithDefault("1000")
    int fetchSize();

    /**
     * Exports streaming at once in this instance: each holds a pooled database connection while the
     * client reads, so this stays well below the pool's size (20) to leave room for writes.
     */
    @WithDefault("8")
    int maxConcurrent();

    /** Exports one consortium may stream at once, so that it cannot take every place. */
    @WithDefault("3")
    int maxPerConsortium();
  }

  interface TrialEvents {

    /** Off only for tools that run the service without Kafka consumers. */
    @WithDefault("true")
    boolean enabled();

    /** Registered, updated, status-changed and unblinded events. */
    @WithDefault("psybiome.trial.events")
    String topic();

    /** Participant allocations (internal: carries arms). */
    @WithDefault("psybiome.trial.allocations")
    String allocationsTopic();

    /** Every replica joins this group, so each partition is applied by one replica. */
    @WithDefault("biomarker-service")
    String groupId();

    /** Wait before retrying an event whose transaction failed (e.g. the database was down). */
    @WithDefault("1s")
    Duration retryBackoff();

    /**
     * Failing on the same event this long, the consumer is reported stalled: /q/health/well DOWN,
     * an ERROR log line, the stalled-seconds gauge above 0. A database outage this long is also a
     * stall worth knowing of; a poison event would block its partition for good otherwise silently.
     */
    @WithDefault("2m")
    Duration stallAlertAfter();
  }
}
