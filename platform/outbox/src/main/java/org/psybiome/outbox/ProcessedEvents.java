package org.psybiome.outbox;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The memory of an idempotent consumer: Kafka delivers at least once, so a consumer records each
 * event id in the same transaction as the event's effect and skips ids it has seen.
 */
@ApplicationScoped
public class ProcessedEvents {

  private static final String INSERT =
      "INSERT INTO processed_event (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING";

  private final AgroalDataSource dataSource;
  private final TransactionSynchronizationRegistry transactions;

  ProcessedEvents(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
    this.dataSource = dataSource;
    this.transactions = transactions;
  }

  /**
   * Records that the current transaction processes {@code eventId}.
   *
   * @return false if it was processed already (by a committed transaction, or one that commits
   *     while this waits on its row): skip the event
   * @throws IllegalStateException outside an active transaction
   */
  public boolean markProcessed(UUID eventId) {
    ActiveTransactions.require(transactions, "ProcessedEvents.markProcessed");
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setObject(1, eventId);
      return insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record processed event " + eventId, e);
    }
  }
}
