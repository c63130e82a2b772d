package org.psybiome.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * What every Psybiome service must do before it does anything of its own: report liveness and
 * readiness (database and Kafka), expose metrics and its API document, answer unknown paths with a
 * problem, reach the real Kafka broker, and run as a role that cannot change its schema. Each
 * service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ServiceBaselineContract {

  /** Whether the service owns a database (the gateway does not). */
  protected abstract boolean ownsDatabase();

  @Test
  void livenessIsUp() {
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void readinessReflectsDatabaseAndKafka() {
    var checks =
        given()
            .get("/q/health/ready")
            .then()
            .statusCode(200)
            .body("status", equalTo("UP"))
            .extract()
            .jsonPath()
            .<Map<String, Object>>getList("checks");
    List<String> names = checks.stream().map(c -> String.valueOf(c.get("name"))).toList();
    assertEquals(
        true,
        names.stream().anyMatch(n -> n.toLowerCase().contains("kafka")),
        "readiness includes Kafka: " + names);
    if (ownsDatabase()) {
      assertEquals(
          true,
          names.stream().anyMatch(n -> n.toLowerCase().contains("database")),
          "readiness includes the database: " + names);
    }
  }

  @Test
  void metricsAreServedForPrometheus() {
    given()
        .accept("text/plain")
        .get("/q/metrics")
        .then()
        .statusCode(200)
        .contentType(containsString("text/plain"))
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void openApiDocumentNamesEveryOperationAndItsAnswers() {
    Map<String, Object> paths =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("paths");
    List<String> gaps = new java.util.ArrayList<>();
    java.util.Set<String> operationIds = new java.util.HashSet<>();
    paths.forEach(
        (path, item) ->
            ((Map<?, ?>) item)
                .forEach(
                    (method, op) -> {
                      Map<?, ?> operation = (Map<?, ?>) op;
                      String name = method + " " + path;
                      Object id = operation.get("operationId");
                      if (id == null) {
                        gaps.add(name + ": no operationId");
                      } else if (!operationIds.add(id.toString())) {
                        gaps.add(name + ": operationId " + id + " is used twice");
                      }
                      Map<?, ?> responses = (Map<?, ?>) operation.get("responses");
                      if (responses == null
                          || responses.keySet().stream()
                              .noneMatch(k -> k.toString().startsWith("2"))) {
                        gaps.add(name + ": no success response");
                      }
                      if (operation.get("security") == null) {
                        gaps.add(name + ": no security requirement (public ones say so too)");
                      }
                    }));
    assertEquals(List.of(), gaps, "every operation of the document is complete");
  }

  @Test
  void openApiDocumentDeclaresBearerTokens() {
    given()
        .queryParam("format", "json")
        .get("/q/openapi")
        .then()
        .statusCode(200)
        .body("openapi", startsWith("3."))
        .body("components.securitySchemes.bearerToken.scheme", equalTo("bearer"));
    given().get("/q/swagger-ui/").then().statusCode(200).contentType(containsString("html"));
  }

  @Test
  void unknownApiPathIsAProblem() {
    given()
        .get("/api/v1/no-such-resource")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void kafkaBrokerOfTheServiceCarriesMessages() {
    // the run's broker, which the service under test was pointed at (also when it runs packaged)
    String bootstrap = TestKafka.get().bootstrapServers();
    String topic = "baseline-" + UUID.randomUUID();
    Map<String, Object> common = Map.of("bootstrap.servers", bootstrap);
    try (var producer =
        new KafkaProducer<>(
            merge(common, Map.of("acks", "all", "enable.idempotence", true)),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "PSB-2026-000001", "hello")).get();
    } catch (Exception e) {
      throw new AssertionError("could not produce to " + bootstrap, e);
    }
    try (var consumer =
        new KafkaConsumer<>(
            merge(common, Map.of("group.id", topic, "auto.offset.reset", "earliest")),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      ConsumerRecord<String, String> received = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received == null && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
          received = record;
        }
      }
      assertEquals("hello", received == null ? null : received.value());
      assertEquals("PSB-2026-000001", received.key());
    }
  }

  @Test
  void applicationRoleCannotChangeTheSchema() throws SQLException {
    if (!ownsDatabase()) {
      return;
    }
    try (Connection app = PsybiomeTestResource.database().connectAsApp();
        Statement statement = app.createStatement()) {
      SQLException refused =
          assertThrows(
              SQLException.class, () -> statement.execute("CREATE TABLE intruder (id int)"));
      assertEquals("42501", refused.getSQLState(), "permission denied");
    }
    given().get("/q/health/ready").then().body("checks.name", hasItem(containsString("Database")));
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    var merged = new java.util.HashMap<String, Object>(a);
    merged.putAll(b);
    return merged;
  }
}
