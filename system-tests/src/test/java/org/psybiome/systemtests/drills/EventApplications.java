package org.psybiome.systemtests.drills;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.psybiome.testsupport.TestDatabase;

/**
 * What biomarker-service's trial-events consumer did with each event, from its append-only log
 * {@code event_application} (migration V43, read as its owner). The log has no unique key on the
 * event id, so an event applied twice shows as two APPLIED entries, which {@code processed_event}
 * (keyed by the id) never could; a redelivery the consumer skipped is a SKIPPED_DUPLICATE entry.
 */
record EventApplications(Map<UUID, Long> notAppliedOnce, long applied, long skipped) {

  /**
   * The counts for these event ids (e.g. every distinct id on the topic for the drill's trials).
   */
  static EventApplications of(TestDatabase database, Set<UUID> eventIds) throws Exception {
    Map<UUID, Long> appliedTimes = new HashMap<>();
    long applied = 0;
    long skipped = 0;
    try (Connection connection = database.connectAsOwner();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT event_id, count(*) FILTER (WHERE outcome = 'APPLIED'),"
                    + " count(*) FILTER (WHERE outcome = 'SKIPPED_DUPLICATE')"
                    + " FROM event_application WHERE event_id = ANY (?) GROUP BY event_id")) {
      statement.setArray(1, connection.createArrayOf("uuid", eventIds.toArray()));
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          appliedTimes.put(row.getObject(1, UUID.class), row.getLong(2));
          applied += row.getLong(2);
          skipped += row.getLong(3);
        }
      }
    }
    Map<UUID, Long> notOnce = new HashMap<>();
    for (UUID id : eventIds) {
      long times = appliedTimes.getOrDefault(id, 0L);
      if (times != 1) {
        notOnce.put(id, times);
      }
    }
    return new EventApplications(notOnce, applied, skipped);
  }
}
