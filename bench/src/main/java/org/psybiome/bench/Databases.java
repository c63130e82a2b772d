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
