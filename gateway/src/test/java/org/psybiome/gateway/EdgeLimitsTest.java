package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Body size limit, upstream timeout and the circuit breaker towards each service. */
@QuarkusTest
class EdgeLimitsTest {

  @TestHTTPResource("/")
  URL gateway;

  @Test
  void declaredBodyOverTheLimitIs413BeforeAnyByteIsSent() throws Exception {
    try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/v1/trials/PSB-2026-000001/batches HTTP/1.1\r\n"
                  + "Host: localhost\r\n"
                  + "Content-Type: application/json\r\n"
                  + "Content-Length: "
                  + (65L * 1024 * 1024)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      assertEquals("HTTP/1.1 413 Request Entity Too Large", in.readLine());
      String header;
      boolean problem = false;
      while ((header = in.readLine()) != null && !header.isEmpty()) {
        problem |= header.equalsIgnoreCase("content-type: application/problem+json");
      }
      assertTrue(problem, "413 is a problem");
    }
  }

  @Test
  void serviceThatDoesNotAnswerInTimeIs504Problem() {
    given()
        .header(UpstreamStandIns.RESPOND_AFTER_MS, "4000")
        .get("/api/v1/trials/PSB-2026-000001")
        .then()
        .statusCode(504)
        .contentType("application/problem+json")
        .body("status", equalTo(504))
        .body("type", equalTo("https://psybiome.org/problems/gateway-timeout"))
        .body("detail", equalTo("trial-service did not answer within 2 s"));
  }

  @Test
  void circuitOpensAfterRepeatedFailuresAndClosesAfterTheCoolDown() throws Exception {
    var biomarker = UpstreamStandIns.get("biomarker-service");
    given().get("/api/v1/analytes").then().statusCode(200);
    biomarker.stop();
    try {
      for (int i = 0; i < 5; i++) {
        given().get("/api/v1/analytes").then().statusCode(503);
      }
    } finally {
      biomarker.start();
    }
    // The service is back, but the circuit is open: refused at once, without asking it.
    String path = "/api/v1/panels/" + UUID.randomUUID();
    long started = System.nanoTime();
    given()
        .get(path)
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("2"))
        .body("detail", equalTo("biomarker-service cannot be reached; try again shortly"));
    assertTrue(System.nanoTime() - started < 1_000_000_000L, "refused fast");
    assertFalse(biomarker.seenPaths.contains(path), "an open circuit does not call the service");
    // trial-service has its own circuit
    given().get("/api/v1/trials").then().statusCode(200);

    // after the cool-down one trial request goes through and closes the circuit again
    org.awaitility.Awaitility.await("the circuit closes after its cool-down")
        .atMost(java.time.Duration.ofSeconds(10))
        .pollInterval(java.time.Duration.ofMillis(250))
        .untilAsserted(
            () ->
                given()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("service", equalTo("biomarker-service")));
    given().get("/api/v1/analytes").then().statusCode(200);
  }
}
