package org.psybiome.common.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Recognises an exception caused by the database being unreachable (restarting, failing over, the
 * pool unable to hand out a connection) rather than by a bug: the client should get a 503 and
 * retry, not a 500. The causes are wrapped by Hibernate, Narayana and Agroal in varying depth, so
 * the whole chain is searched.
 */
final class DatabaseOutage {

  /** SQLSTATE class 08 (connection exception) and the server-shutdown states of class 57. */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  private DatabaseOutage() {}

  static boolean causedBy(Throwable error) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = error; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof SQLRecoverableException) {
        return true;
      }
      if (t instanceof SQLException sql && isOutage(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isOutage(SQLException sql) {
    String state = sql.getSQLState();
    if (state != null && (state.startsWith("08") || SHUTDOWN_STATES.contains(state))) {
      return true;
    }
    // Agroal reports an exhausted pool (every connection attempt failing) without a SQLSTATE.
    String message = sql.getMessage();
    return state == null && message != null && message.contains("Acquisition timeout");
  }
}
