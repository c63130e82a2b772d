package org.psybiome.testsupport;

import java.util.Optional;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The Kafka broker of a test JVM, chosen once: {@code PSYBIOME_TEST_KAFKA_BOOTSTRAP} when given; a
 * Testcontainers broker when Docker answers; otherwise a broker process started from the Kafka jars
 * for this run and stopped when the JVM ends.
 */
public final class TestKafka {

  private static TestKafka instance;

  private final String bootstrapServers;
  private final LocalKafkaBroker localBroker;

  private TestKafka(String bootstrapServers, LocalKafkaBroker localBroker) {
    this.bootstrapServers = bootstrapServers;
    this.localBroker = localBroker;
  }

  public static synchronized TestKafka get() {
    if (instance == null) {
      instance = locate();
    }
    return instance;
  }

  private static TestKafka locate() {
    var explicit = Env.setting("psybiome.test.kafka.bootstrap");
    if (explicit.isPresent()) {
      return new TestKafka(explicit.get(), null);
    }
    if (Docker.available()) {
      @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
      KafkaContainer container = new KafkaContainer("apache/kafka:4.1.2");
      container.start();
      return new TestKafka(container.getBootstrapServers(), null);
    }
    LocalKafkaBroker broker = LocalKafkaBroker.startNew();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-test-kafka"));
    return new TestKafka(broker.bootstrapServers(), broker);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * The broker process when this run started one; tests that stop and restart Kafka need it and
   * should fail clearly without it.
   */
  public Optional<LocalKafkaBroker> localBroker() {
    return Optional.ofNullable(localBroker);
  }
}
