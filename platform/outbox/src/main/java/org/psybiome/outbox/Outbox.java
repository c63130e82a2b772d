package org.psybiome.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the outbox table in the caller's transaction: they are published if and only if
 * it commits. The relay sends them to Kafka afterwards, so an append never waits for Kafka.
 */
@ApplicationScoped
public class Outbox {

  /** Below Kafka's default 1 MiB record limit, so that no stored event can block its shard. */
  static final int MAX_PAYLOAD_BYTES = 900 * 1024;

  private static final String INSERT =
      "INSERT INTO outbox_event (id, topic, aggregate_id, type, shard, payload)"
          + " VALUES (?, ?, ?, ?, ?, ?)";

  private final AgroalDataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;
  private final CloudEventEnvelope envelope;
  private final int shards;

  Outbox(
      AgroalDataSource dataSource,
      TransactionSynchronizationRegistry transactions,
      ObjectMapper objectMapper,
      OutboxConfig config) {
    this.dataSource = dataSource;
    this.transactions = transactions;
    this.envelope = new CloudEventEnvelope(objectMapper, config.source(), Clock.systemUTC());
    this.shards = config.relay().shards();
    if (shards < 1) {
      throw new IllegalArgumentException("psybiome.outbox.relay.shards must be at least 1");
    }
  }

  /**
   * Writes one event in the current transaction.
   *
   * @return the event's CloudEvents {@code id}, which consumers dedupe on
   * @throws IllegalStateException outside an active transaction
   */
  public UUID append(OutboxEvent event) {
    return appendAll(List.of(event)).get(0);
  }

  /** Writes events in the current transaction, in list order (their order per aggregate). */
  public List<UUID> appendAll(List<OutboxEvent> events) {
    ActiveTransactions.require(transactions, "Outbox.append");
    List<UUID> ids = new ArrayList<>(events.size());
    if (events.isEmpty()) {
      return ids;
    }
    // Inside a JTA transaction Agroal hands out the connection enlisted in it (the one Hibernate
    // uses too), so the rows commit or roll back with the caller's change.
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (OutboxEvent event : events) {
        UUID id = UUID.randomUUID();
        String payload = envelope.toJson(id, event);
        requireSendable(event, payload);
        insert.setObject(1, id);
        insert.setString(2, event.topic());
        insert.setString(3, event.aggregateId());
        insert.setString(4, event.type());
        insert.setInt(5, Shards.of(event.aggregateId(), shards));
        insert.setString(6, payload);
        insert.addBatch();
        ids.add(id);
      }
      insert.executeBatch();
      try (Statement notify = connection.createStatement()) {
        // Delivered at commit, and not at all on rollback; wakes idle relays at once.
        notify.execute("SELECT pg_notify('" + OutboxNotifications.CHANNEL + "', '')");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write to the outbox: " + e.getMessage(), e);
    }
    return ids;
  }

  private static void requireSendable(OutboxEvent event, String payload) {
    int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException(
          event.type()
              + " for "
              + event.aggregateId()
              + " is "
              + bytes
              + " bytes as JSON, more than a Kafka record may carry ("
              + MAX_PAYLOAD_BYTES
              + "); publish counts or references, not rows");
    }
  }
}
