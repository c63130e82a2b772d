package org.psybiome.gateway.feed;

import java.util.List;

/** The topics the feed reads, checked: never the internal allocations topic, whatever is set. */
final class FeedTopics {

  static final String ALLOCATIONS = "psybiome.trial.allocations";

  private FeedTopics() {}

  static List<String> checked(List<String> topics) {
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("psybiome.gateway.events.topics names no topic");
    }
    for (String topic : topics) {
      if (topic.equals(ALLOCATIONS) || topic.contains("allocation")) {
        throw new IllegalArgumentException(
            "psybiome.gateway.events.topics must not name "
                + topic
                + ": allocations carry the arms of blinded trials and are never shown");
      }
    }
    return List.copyOf(topics);
  }
}
