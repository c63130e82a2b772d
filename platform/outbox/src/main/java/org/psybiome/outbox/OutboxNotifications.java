package org.psybiome.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Lets an idle relay wake as soon as an appending transaction commits ({@code pg_notify} in {@link
 * Outbox}), instead of at its next poll. Holds one connection that LISTENs; when it cannot, the
 * relay simply polls, and listening is tried again a little later.
 */
final class OutboxNotifications implements AutoCloseable {

  static final String CHANNEL = "outbox";

  private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
  private static final Duration RELISTEN_AFTER = Duration.ofSeconds(5);

  private final DataSource dataSource;
  private Connection connection;
  private PGConnection listening;
  private long relistenAt;

  /** With a null data source the relay only polls. */
  OutboxNotifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Returns when a notification arrives or {@code timeout} has passed. */
  void await(Duration timeout) throws InterruptedException {
    int millis = (int) Math.max(1, timeout.toMillis()); // 0 would mean "wait forever"
    if (listen()) {
      try {
        listening.getNotifications(millis);
        return;
      } catch (SQLException e) {
        LOG.debugf(e, "Lost the LISTEN connection; polling until it is back");
        close();
      }
    }
    Thread.sleep(millis); // without LISTEN, the relay falls back to polling at this interval
  }

  /**
   * Drops notifications already received, without waiting: a busy relay looks for rows anyway, and
   * PostgreSQL cannot trim its notification queue past a listener that never reads.
   */
  void discardPending() {
    if (listening != null) {
      try {
        listening.getNotifications();
      } catch (SQLException e) {
        LOG.debugf(e, "Lost the LISTEN connection; polling until it is back");
        close();
      }
    }
  }

  private boolean listen() {
    if (listening != null) {
      return true;
    }
    if (dataSource == null || System.nanoTime() - relistenAt < 0) {
      return false;
    }
    try {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      try (Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + CHANNEL);
      }
      listening = connection.unwrap(PGConnection.class);
      return true;
    } catch (SQLException e) {
      LOG.debugf(e, "Cannot LISTEN for outbox notifications; polling");
      close();
      relistenAt = System.nanoTime() + RELISTEN_AFTER.toNanos();
      return false;
    }
  }

  @Override
  public void close() {
    listening = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debugf(e, "Closing the LISTEN connection failed");
      }
      connection = null;
    }
  }
}
