package org.psybiome.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The relay's statements on {@code outbox_event}, run in the relay's own transaction. */
final class OutboxTable {

  /**
   * Takes the transaction-scoped advisory lock of each shard that has rows and that no other relay
   * holds. The CASE makes PostgreSQL look for rows before it locks, so idle shards stay free.
   */
  private static final String CLAIM_SHARDS =
      """
      SELECT s.shard FROM unnest(?::integer[]) AS s(shard)
      WHERE CASE WHEN EXISTS (SELECT 1 FROM outbox_event e WHERE e.shard = s.shard)
                 THEN pg_try_advisory_xact_lock(?, s.shard)
                 ELSE false END
      """;

  /**
   * The oldest rows of the claimed shards. A statement of its own, after the locks are held: in
   * READ COMMITTED its snapshot is taken now, so it cannot see rows that the relay which held a
   * shard before has deleted and committed.
   */
  private static final String OLDEST_EVENTS =
      """
      SELECT seq, id, topic, aggregate_id, payload, created_at FROM outbox_event
      WHERE shard = ANY (?) ORDER BY seq LIMIT ?
      """;

  private static final String DELETE = "DELETE FROM outbox_event WHERE seq = ANY (?)";

  private static final String COUNT_OUTSIDE_SHARDS =
      "SELECT count(*) FROM outbox_event WHERE shard < 0 OR shard >= ?";

  private OutboxTable() {}

  static List<Integer> claimShards(Connection connection, Integer[] shardOrder)
      throws SQLException {
    try (PreparedStatement claim = connection.prepareStatement(CLAIM_SHARDS)) {
      claim.setArray(1, connection.createArrayOf("integer", shardOrder));
      claim.setInt(2, Shards.ADVISORY_LOCK_CLASS);
      List<Integer> claimed = new ArrayList<>();
      try (ResultSet rows = claim.executeQuery()) {
        while (rows.next()) {
          claimed.add(rows.getInt(1));
        }
      }
      return claimed;
    }
  }

  static List<PendingEvent> oldestEvents(Connection connection, List<Integer> shards, int limit)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(OLDEST_EVENTS)) {
      select.setArray(1, connection.createArrayOf("integer", shards.toArray(Integer[]::new)));
      select.setInt(2, limit);
      List<PendingEvent> events = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          events.add(
              new PendingEvent(
                  rows.getLong("seq"),
                  rows.getObject("id", UUID.class),
                  rows.getString("topic"),
                  rows.getString("aggregate_id"),
                  rows.getString("payload"),
                  rows.getTimestamp("created_at").toInstant()));
        }
      }
      return events;
    }
  }

  static void delete(Connection connection, List<PendingEvent> events) throws SQLException {
    Long[] seqs = events.stream().map(PendingEvent::seq).toArray(Long[]::new);
    try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
      Array array = connection.createArrayOf("bigint", seqs);
      delete.setArray(1, array);
      delete.executeUpdate();
    }
  }

  static long countOutsideShards(Connection connection, int shards) throws SQLException {
    try (PreparedStatement count = connection.prepareStatement(COUNT_OUTSIDE_SHARDS)) {
      count.setInt(1, shards);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
