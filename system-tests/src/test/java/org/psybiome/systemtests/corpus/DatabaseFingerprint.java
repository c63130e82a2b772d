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
 * Row count and content checksum of every table of a database, read as its owner: two equal
 * fingerprints mean nothing was inserted, changed or deleted in between.
 */
record DatabaseFingerprint(Map<String, String> tables) {

  static DatabaseFingerprint of(TestDatabase database) {
    Map<String, String> tables = new TreeMap<>();
    try (Connection db = database.connectAsOwner();
        Statement statement = db.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT table_schema || '.' || table_name FROM information_schema.tables"
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
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fingerprint " + database.name(), e);
    }
    return new DatabaseFingerprint(tables);
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
