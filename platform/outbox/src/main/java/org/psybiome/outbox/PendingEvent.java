package org.psybiome.outbox;

import java.time.Instant;
import java.util.UUID;

/** An outbox row waiting to be relayed; {@code payload} is the CloudEvents JSON as stored. */
record PendingEvent(
    long seq, UUID id, String topic, String aggregateId, String payload, Instant createdAt) {}
