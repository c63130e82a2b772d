package org.psybiome.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.psybiome.testsupport.PsybiomeTestResource;

/** What the outbox table holds, read as the application's role on a connection of the test's. */
final class OutboxRows {

  private OutboxRows() {}

  static long pending() throws SQLException {
    return count("SELECT count(*) FROM outbox_event", null);
  }

  static long pending(String topic) throws SQLException {
    return count("SELECT count(*) FROM outbox_event WHERE topic = ?", topic);
  }

  static long withId(UUID id) throws SQLException {
    return count("SELECT count(*) FROM outbox_event WHERE id = ?", id);
  }

  private static long count(String sql, Object parameter) throws SQLException {
    try (Connection connection = PsybiomeTestResource.database().connectAsApp();
        PreparedStatement count = connection.prepareStatement(sql)) {
      if (parameter != null) {
        count.setObject(1, parameter);
      }
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
