package org.psybiome.systemtests.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.psybiome.testsupport.TestDatabase;

/**
 * Row count and content checksum of every table of a database, and the last value of every
 * sequence, read as its owner: two equal fingerprints mean nothing was inserted, changed or deleted
 * in between, and no id was drawn either (a sequence does not roll back with a refused insert).
 */
record DatabaseFingerprint(Map<String, String> tables, Map<String, String> sequences) {

  static DatabaseFingerprint of(TestDatabase database) {
    Map<String, String> tables = new TreeMap<>();
    Map<String, String> sequences = new TreeMap<>();
    try (Connection db = database.connectAsOwner();
        Statement statement = db.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name)"
                  + " FROM information_schema.tables"
                  + " WHERE table_type = 'BASE TABLE'"
                  + " AND table_schema NOT IN ('pg_catalog', 'information_schema')")) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
      for (String name : names) {
        try (ResultSet rs =
            statement.executeQuery(
                "SELECT count(*), coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '')"
                    + " FROM "
                    + name
                    + " t")) {
          rs.next();
          tables.put(name, rs.getLong(1) + " rows, " + rs.getString(2));
        }
      }
      // last_value is null until a sequence is first used
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT schemaname || '.' || sequencename, coalesce(last_value::text, 'unused')"
                  + " FROM pg_sequences")) {
        while (rs.next()) {
          sequences.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fingerprint " + database.name(), e);
    }
    return new DatabaseFingerprint(tables, sequences);
  }

  /** What differs from {@code before}, one line per table or sequence; empty when nothing. */
  List<String> differences(DatabaseFingerprint before) {
    List<String> lines = new ArrayList<>();
    compare("table", before.tables, tables, lines);
    compare("sequence", before.sequences, sequences, lines);
    return lines;
  }

  private static void compare(
      String what, Map<String, String> before, Map<String, String> after, List<String> lines) {
    Map<String, String> all = new TreeMap<>(before);
    all.putAll(after);
    all.keySet()
        .forEach(
            name -> {
              String was = before.get(name);
              String is = after.get(name);
              if (was == null ? is != null : !was.equals(is)) {
                lines.add(what + " " + name + ": " + was + " → " + is);
              }
            });
  }

  /** Rows waiting in the outbox: while there are any, the relay and consumers still change data. */
  static long pendingEvents(TestDatabase database) {
    try (Connection db = database.connectAsOwner();
        Statement statement = db.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM outbox_event")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
