package org.psybiome.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * JDBC to the services' databases as their owner roles: seeding, baselines and clean-up are the
 * benchmark's business, not the services', and the application roles may not delete results.
 */
final class Databases {

  static final String TRIAL = "psybiome_trial";
  static final String BIOMARKER = "psybiome_biomarker";

  private final Stack stack;

  Databases(Stack stack) {
    this.stack = stack;
  }

  Connection trial() throws SQLException {
    return DriverManager.getConnection(stack.jdbcBase() + TRIAL, TRIAL, stack.ownerPassword());
  }

  Connection biomarker() throws SQLException {
    return DriverManager.getConnection(
        stack.jdbcBase() + BIOMARKER, BIOMARKER, stack.ownerPassword());
  }

  /**
   * After a bulk load, what autovacuum's insert threshold would soon do: VACUUM (so index-only
   * scans need not visit the heap for rows the visibility map does not yet know are visible) and
   * ANALYZE. Needed here because the machine's PostgreSQL may run with {@code autovacuum = off}
   * (this one does, for its CI: /etc/postgresql/15/main/conf.d/90-ci.conf); the report records the
   * setting. Without it, a search's capped count at 100 000 trials fetched 3 020 heap rows (25 ms)
   * instead of 3 (5.7 ms).
   */
  static void settle(Connection connection, String... tables) throws SQLException {
    vacuum(connection, "ANALYZE", tables);
  }

  /**
   * {@code VACUUM (FULL, ANALYZE)} of each table: its files rewritten to the live rows. It needs
   * the table's exclusive lock, and while it waits for one the running services' statements on the
   * table queue behind it: a table still busy after 5 s is left as it is, and said so.
   */
  static void compact(Connection connection, String... tables) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement()) {
      statement.execute("SET lock_timeout = '5s'");
      try {
        for (String table : tables) {
          try {
            vacuum(connection, "FULL, ANALYZE", table);
          } catch (SQLException e) {
            if (!"55P03".equals(e.getSQLState())) { // lock_not_available
              throw e;
            }
            Progress.say("clean: %s is busy, not compacted", table);
          }
        }
      } finally {
        statement.execute("RESET lock_timeout");
      }
    }
  }

  private static void vacuum(Connection connection, String options, String... tables)
      throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(true); // VACUUM cannot run inside a transaction
    try (java.sql.Statement statement = connection.createStatement()) {
      for (String table : tables) {
        statement.execute("VACUUM (" + options + ") " + table);
      }
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The server's {@code autovacuum} setting (on/off). */
  static String autovacuum(Connection connection) throws SQLException {
    try (java.sql.Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SHOW autovacuum")) {
      row.next();
      return row.getString(1);
    }
  }

  static long count(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      return statement.executeUpdate();
    }
  }
}
