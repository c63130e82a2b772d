package org.psybiome.biomarker.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The append-only log of what the trial-events consumer did with each event it took up (migration
 * V43): one row per application and one per skipped redelivery, written in the transaction of the
 * application itself, so it holds exactly what was committed. Unlike {@code processed_event} it has
 * no unique key on the event id: an event applied twice is counted twice.
 */
@ApplicationScoped
public class EventApplicationLog {

  /** What the consumer did with an event. */
  public enum Outcome {
    APPLIED,
    SKIPPED_DUPLICATE
  }

  private static final String INSERT =
      "INSERT INTO event_application (event_id, event_type, outcome) VALUES (?, ?, ?)";

  private final AgroalDataSource dataSource;

  EventApplicationLog(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Appends one entry; call it inside the transaction that applies or skips the event. */
  public void record(UUID eventId, String eventType, Outcome outcome) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setObject(1, eventId);
      insert.setString(2, eventType);
      insert.setString(3, outcome.name());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot log the application of event " + eventId, e);
    }
  }

  /**
   * The events among these not applied exactly once, with how often they were (0 for never): the
   * check the fault drills make with the same query, and an operator's after an incident.
   */
  public Map<UUID, Long> appliedOtherThanOnce(Collection<UUID> eventIds) {
    Map<UUID, Long> applied = counts(eventIds, Outcome.APPLIED);
    Map<UUID, Long> wrong = new HashMap<>();
    for (UUID id : eventIds) {
      long times = applied.getOrDefault(id, 0L);
      if (times != 1) {
        wrong.put(id, times);
      }
    }
    return wrong;
  }

  /** How often each of these events was recorded with this outcome (absent: never). */
  public Map<UUID, Long> counts(Collection<UUID> eventIds, Outcome outcome) {
    Map<UUID, Long> counts = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT event_id, count(*) FROM event_application"
                    + " WHERE outcome = ? AND event_id = ANY (?) GROUP BY event_id")) {
      select.setString(1, outcome.name());
      select.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          counts.put(row.getObject(1, UUID.class), row.getLong(2));
        }
      }
      return counts;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the event application log", e);
    }
  }
}
