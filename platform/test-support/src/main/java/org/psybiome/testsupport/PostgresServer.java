package org.psybiome.testsupport;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL server on which tests may create databases and roles. Chosen once per test JVM:
 * explicit settings ({@code PSYBIOME_TEST_POSTGRES_URL}, {@code _USER}, {@code _PASSWORD}) when
 * given; a Testcontainers server when Docker answers; otherwise the local server on 127.0.0.1:5432.
 * If none can be reached the run fails at once, saying what to do.
 */
public final class PostgresServer {

  private static final String LOCAL_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static PostgresServer instance;

  private final String adminUrl;
  private final String adminUser;
  private final String adminPassword;
  private final String origin;

  private PostgresServer(String adminUrl, String adminUser, String adminPassword, String origin) {
    this.adminUrl = adminUrl;
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
    this.origin = origin;
  }

  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = locate();
      instance.checkReachable();
    }
    return instance;
  }

  private static PostgresServer locate() {
    var explicitUrl = Env.setting("psybiome.test.postgres.url");
    if (explicitUrl.isPresent()) {
      return new PostgresServer(
          explicitUrl.get(),
          Env.setting("psybiome.test.postgres.user").orElse("postgres"),
          Env.setting("psybiome.test.postgres.password").orElse(""),
          "PSYBIOME_TEST_POSTGRES_URL");
    }
    if (Docker.available()) {
      @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
      PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return new PostgresServer(
          container.getJdbcUrl(),
          container.getUsername(),
          container.getPassword(),
          "Testcontainers");
    }
    return new PostgresServer(
        LOCAL_URL,
        Env.setting("psybiome.test.postgres.user").orElse("postgres"),
        Env.setting("psybiome.test.postgres.password").orElse(""),
        "local server");
  }

  private void checkReachable() {
    try (Connection c = admin()) {
      c.isValid(5);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Tests need a real PostgreSQL server and none answered at "
              + adminUrl
              + " ("
              + origin
              + "): "
              + e.getMessage()
              + ". Start the local server (pg_ctlcluster --skip-systemctl-redirect"
              + " $(ls /etc/postgresql) main start), or start Docker, or set"
              + " PSYBIOME_TEST_POSTGRES_URL/_USER/_PASSWORD to a server where that user may"
              + " create databases and roles.",
          e);
    }
  }

  /**
   * Creates a fresh database for one test run, with an owner role (runs migrations) and an
   * application role (what the service runs as), like the real deployment.
   */
  public TestDatabase createDatabase(String purpose) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
    String suffix = HexFormat.of().formatHex(RANDOM.generateSeed(3));
    String name = ("psybiome_test_" + purpose + "_" + stamp + "_" + suffix).toLowerCase();
    String ownerPassword = HexFormat.of().formatHex(RANDOM.generateSeed(12));
    String appPassword = HexFormat.of().formatHex(RANDOM.generateSeed(12));
    execute(
        "CREATE ROLE " + name + " LOGIN PASSWORD '" + ownerPassword + "'",
        "CREATE ROLE " + name + "_app LOGIN PASSWORD '" + appPassword + "'",
        "GRANT " + name + " TO " + adminUser,
        "CREATE DATABASE " + name + " OWNER " + name,
        "REVOKE ALL ON DATABASE " + name + " FROM PUBLIC",
        "GRANT CONNECT ON DATABASE " + name + " TO " + name + "_app");
    return new TestDatabase(
        this, jdbcUrl(name), name, name, ownerPassword, name + "_app", appPassword);
  }

  void drop(TestDatabase database) {
    String name = database.name();
    execute(
        "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)",
        "DROP ROLE IF EXISTS " + database.appUser(),
        "DROP ROLE IF EXISTS " + database.ownerUser());
  }

  /** The JDBC URL of a database on this server. */
  public String jdbcUrl(String database) {
    // replace the database segment of the admin URL, keep its host, port and parameters
    return adminUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + database);
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(adminUrl, adminUser, adminPassword);
  }

  private void execute(String... statements) {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot prepare the test database: " + e.getMessage(), e);
    }
  }
}
