package org.psybiome.systemtests.drills;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a database holds, compared by drills 8 and 9: per table its row count and the md5 of its
 * rows' text in sorted order; per sequence its last value. Columns named in {@code ignored} (e.g. a
 * row's "written at") are left out, as they say when, not what.
 */
final class TableFingerprints {

  private TableFingerprints() {}

  /** {@code table → "rows md5"} for the given tables of schema public. */
  static Map<String, String> ofTables(Connection c, List<String> tables, Set<String> ignored)
      throws SQLException {
    Map<String, String> prints = new TreeMap<>();
    for (String table : tables) {
      List<String> columns = new ArrayList<>();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT column_name FROM information_schema.columns"
                  + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position")) {
        s.setString(1, table);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            if (!ignored.contains(r.getString(1))) {
              columns.add("\"" + r.getString(1) + "\"");
            }
          }
        }
      }
      String sql =
          "SELECT count(*), md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))"
              + " FROM (SELECT "
              + String.join(", ", columns)
              + " FROM public.\""
              + table
              + "\") t";
      try (PreparedStatement s = c.prepareStatement(sql);
          ResultSet r = s.executeQuery()) {
        r.next();
        prints.put(table, r.getLong(1) + " " + r.getString(2));
      }
    }
    return prints;
  }

  /** Every table of schema public, and every sequence ({@code "seq:" + name → last value}). */
  static Map<String, String> ofDatabase(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    Map<String, String> prints = new TreeMap<>(ofTables(c, tables, Set.of()));
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT sequencename, coalesce(last_value::text, 'unused') FROM pg_sequences"
                    + " WHERE schemaname = 'public' ORDER BY sequencename");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        prints.put("seq:" + r.getString(1), r.getString(2));
      }
    }
    return prints;
  }

  /** The number of rows a fingerprint counts in all its tables. */
  static long rows(Map<String, String> prints) {
    return prints.entrySet().stream()
        .filter(e -> !e.getKey().startsWith("seq:"))
        .mapToLong(e -> Long.parseLong(e.getValue().split(" ")[0]))
        .sum();
  }
}
