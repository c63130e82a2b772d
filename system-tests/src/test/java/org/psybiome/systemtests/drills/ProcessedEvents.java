package org.psybiome.systemtests.drills;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Set;
import java.util.UUID;
import org.psybiome.testsupport.TestDatabase;

/** A consumer's memory of applied event ids ({@code processed_event}), read as its owner. */
final class ProcessedEvents {

  private ProcessedEvents() {}

  /** How many of these event ids the consumer recorded as applied (each at most once: its key). */
  static long countOf(TestDatabase database, Set<UUID> eventIds) throws Exception {
    try (Connection connection = database.connectAsOwner();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM processed_event WHERE event_id = ANY (?)")) {
      statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }
}
