package org.psybiome.gateway.feed;

import org.apache.kafka.common.TopicPartition;

/**
 * One record of the feed's topics, read once and kept for every connection: where it is, what it is
 * about, who may see it, and the CloudEvent JSON as it was published.
 *
 * @param owner the consortium of the event's trial, when the audience needs it and it is known
 */
record FeedEvent(
    TopicPartition partition,
    long offset,
    String type,
    String trialId,
    Audience audience,
    String owner,
    String json) {}
