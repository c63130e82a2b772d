package org.psybiome.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database made for one test run: owned by {@code ownerUser} (migrations), used by the service as
 * {@code appUser}. Dropped, with its roles, by {@link #close()}.
 */
public record TestDatabase(
    PostgresServer server,
    String jdbcUrl,
    String name,
    String ownerUser,
    String ownerPassword,
    String appUser,
    String appPassword)
    implements AutoCloseable {

  /** A connection as the application's role, to check what the service may and may not do. */
  public Connection connectAsApp() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, appUser, appPassword);
  }

  public Connection connectAsOwner() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
  }

  @Override
  public void close() {
    server.drop(this);
  }
}
