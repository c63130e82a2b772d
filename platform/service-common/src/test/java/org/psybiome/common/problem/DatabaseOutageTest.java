package org.psybiome.common.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void connectionAndShutdownStatesAreOutagesAtAnyDepth() {
    assertTrue(DatabaseOutage.causedBy(new SQLException("refused", "08001")));
    assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("terminating", "57P01"))));
    assertTrue(DatabaseOutage.causedBy(wrapped(wrapped(new SQLException("starting", "57P03")))));
    assertTrue(DatabaseOutage.causedBy(wrapped(new SQLTransientConnectionException("pool"))));
    assertTrue(
        DatabaseOutage.causedBy(
            wrapped(new SQLException("Acquisition timeout while waiting for new connection"))));
  }

  @Test
  void dataErrorsAndBugsAreNot() {
    assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505")));
    assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("syntax", "42601"))));
    assertFalse(DatabaseOutage.causedBy(new SQLException("no state, other message")));
    assertFalse(DatabaseOutage.causedBy(new IllegalStateException("bug")));
  }

  private static RuntimeException wrapped(Throwable cause) {
    return new RuntimeException("wrapper", cause);
  }
}
