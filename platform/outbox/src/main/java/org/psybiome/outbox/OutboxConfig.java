package org.psybiome.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code psybiome.outbox.*}: what the outbox stamps on events and how its relay runs. */
@ConfigMapping(prefix = "psybiome.outbox")
public interface OutboxConfig {

  /**
   * The CloudEvents {@code source} of this service's events, e.g. {@code /psybiome/trial-service}.
   */
  String source();

  /** Topics the relay creates if they are missing, before it relays anything. */
  Optional<List<String>> topics();

  @WithDefault("6")
  int topicPartitions();

  @WithDefault("1")
  short topicReplicationFactor();

  Relay relay();

  interface Relay {

    /** Off in an instance that should only append (another replica relays). */
    @WithDefault("true")
    boolean enabled();

    /** How long the relay waits for new rows when it found none (a NOTIFY wakes it sooner). */
    @WithDefault("50ms")
    Duration pollInterval();

    /** Rows sent per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * Rows are spread over this many shards by aggregate id; one replica at a time relays a shard.
     * Must be the same in every replica, and may only change while the outbox is empty.
     */
    @WithDefault("16")
    int shards();

    /** How long a batch may wait for Kafka's acknowledgements before it is retried. */
    @WithDefault("30s")
    Duration sendTimeout();

    /** Fault injection for the fault drills (RELIABILITY.md); off unless set. */
    Fault fault();
  }

  /** {@code psybiome.outbox.relay.fault.*}: never set in production. */
  interface Fault {

    /**
     * When set, the process halts ({@code Runtime.halt}, as a SIGKILL or an OOM kill would end it)
     * as soon as its relay has sent at least this many events, at the worst moment: after Kafka
     * acknowledged a batch and before the batch's rows are deleted. Another replica, or this one
     * restarted, sends those events again, so consumers get real duplicates to skip. Drills 1 and 6
     * set it on an extra replica so that every run exercises the consumers' skip path. Unset:
     * never.
     */
    Optional<Long> dieAfterSending();
  }
}
