package org.psybiome.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Topics of one test each, so that no test reads another's events. */
final class TestTopics {

  static final int PARTITIONS = 6;

  private TestTopics() {}

  static Map<String, Object> kafka() {
    return Map.of(
        "bootstrap.servers",
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
  }

  static String create(String purpose) throws Exception {
    String topic = "outbox-test." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    new TopicProvisioner(kafka(), List.of(topic), PARTITIONS, (short) 1).ensureCreated();
    return topic;
  }
}
