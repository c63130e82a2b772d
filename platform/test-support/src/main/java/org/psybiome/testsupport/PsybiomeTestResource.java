package org.psybiome.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service under test real infrastructure: its own fresh PostgreSQL database (when the
 * {@code database} init argument names one), the test JVM's Kafka broker (unless {@code kafka} is
 * {@code false}), and the public key of the test token signer. Register it once per module with
 * {@code @WithTestResource(scope = GLOBAL)} so every test shares one application.
 */
public class PsybiomeTestResource implements QuarkusTestResourceLifecycleManager {

  private static TestDatabase current;

  private String purpose;
  private boolean kafka = true;
  private TestDatabase database;

  @Override
  public void init(Map<String, String> initArgs) {
    purpose = initArgs.get("database");
    kafka = !"false".equals(initArgs.get("kafka"));
  }

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>();
    if (purpose != null) {
      database = PostgresServer.get().createDatabase(purpose);
      setCurrent(database);
      config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
      config.put("quarkus.datasource.username", database.appUser());
      config.put("quarkus.datasource.password", database.appPassword());
      config.put("quarkus.flyway.username", database.ownerUser());
      config.put("quarkus.flyway.password", database.ownerPassword());
    }
    if (kafka) {
      config.put("kafka.bootstrap.servers", TestKafka.get().bootstrapServers());
    }
    config.put("mp.jwt.verify.publickey.location", TestKeys.get().publicKeyFile().toString());
    config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
    return config;
  }

  @Override
  public void stop() {
    if (database != null) {
      database.close();
      setCurrent(null);
    }
  }

  private static synchronized void setCurrent(TestDatabase database) {
    current = database;
  }

  /** The database the running application under test uses. */
  public static synchronized TestDatabase database() {
    if (current == null) {
      throw new IllegalStateException("No test database: is PsybiomeTestResource registered?");
    }
    return current;
  }
}
