package org.psybiome.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Relays the outbox to Kafka on a thread of its own from startup to shutdown, unless {@code
 * psybiome.outbox.relay.enabled=false}. Every replica of a service may run one: they share the work
 * by shard and keep each aggregate's events in order.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

  private final OutboxConfig config;
  private final AgroalDataSource dataSource;
  private final Map<String, Object> kafkaConfig;
  private final RelayMetrics metrics;
  private volatile RelayWorker worker;

  OutboxRelay(
      OutboxConfig config,
      AgroalDataSource dataSource,
      @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
      MeterRegistry registry) {
    this.config = config;
    this.dataSource = dataSource;
    this.kafkaConfig = kafkaConfig;
    this.metrics = new RelayMetrics(registry);
  }

  void start(@Observes StartupEvent event) {
    if (!config.relay().enabled()) {
      LOG.info("Outbox relay disabled (psybiome.outbox.relay.enabled=false)");
      return;
    }
    worker = newWorker("outbox-relay");
    worker.start();
    config
        .relay()
        .fault()
        .dieAfterSending()
        .ifPresent(
            n ->
                LOG.warnf(
                    "Fault injection: this process halts once its outbox relay has sent %d events,"
                        + " between Kafka's acknowledgement and the delete"
                        + " (psybiome.outbox.relay.fault.die-after-sending)",
                    n));
    LOG.infof(
        "Outbox relay started: %d shards, batches of %d",
        config.relay().shards(), config.relay().batchSize());
  }

  void stop(@Observes ShutdownEvent event) {
    if (worker != null) {
      worker.stop(STOP_TIMEOUT);
      worker = null;
    }
  }

  /** How many events this instance's relay has sent; 0 when it is disabled. */
  long relayed() {
    RelayWorker current = worker;
    return current == null ? 0 : current.relayed();
  }

  /** A worker with this application's settings; several may run at once, as replicas do. */
  RelayWorker newWorker(String name) {
    OutboxConfig.Relay relay = config.relay();
    return new RelayWorker(
        name,
        dataSource,
        new KafkaSender(kafkaConfig, relay.sendTimeout(), name),
        TopicProvisioner.of(kafkaConfig, config),
        new OutboxNotifications(dataSource),
        metrics,
        relay.shards(),
        relay.batchSize(),
        relay.pollInterval(),
        RelayFault.of(config.relay().fault()));
  }
}
