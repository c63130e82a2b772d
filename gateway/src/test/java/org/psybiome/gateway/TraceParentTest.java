package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;

/**
 * Every request reaches the service with a W3C traceparent that continues the gateway's trace: the
 * caller's trace when it sent a valid traceparent, else a new one.
 */
@QuarkusTest
class TraceParentTest {

  /** version 00, trace id, parent (span) id, flags; ids of all zeros are invalid (W3C). */
  private static final Pattern TRACEPARENT =
      Pattern.compile("00-(?!0{32})([0-9a-f]{32})-(?!0{16})([0-9a-f]{16})-([0-9a-f]{2})");

  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  private static Matcher downstream(String path, String traceparent) {
    return downstream(path, traceparent, null);
  }

  private static Matcher downstream(String path, String traceparent, String token) {
    var request = given();
    if (token != null) {
      request.auth().oauth2(token);
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    String sent = request.get(path).then().statusCode(200).extract().path("traceparent");
    Matcher matcher = TRACEPARENT.matcher(String.valueOf(sent));
    assertTrue(matcher.matches(), "a valid traceparent reached the service: " + sent);
    return matcher;
  }

  @Test
  void requestWithoutOneGetsAFreshSampledTraceDownstream() {
    Matcher first = downstream("/api/v1/trials/PSB-2026-000001", null);
    Matcher second = downstream("/api/v1/trials/PSB-2026-000001", null);
    assertEquals("01", first.group(3), "sampled");
    assertNotEquals(first.group(1), second.group(1), "each request its own trace");
  }

  @Test
  void callersTraceIsContinuedDownstream() {
    Matcher sent = downstream("/api/v1/analytes", "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
    assertEquals(CALLER_TRACE, sent.group(1), "the caller's trace id");
    // the service's parent is the gateway's own span, a child of the caller's
    assertNotEquals(CALLER_SPAN, sent.group(2));
    assertEquals("01", sent.group(3));
  }

  @Test
  void callersTraceIsContinuedWhenTheTokenIsVerifiedFirst() {
    // the token is verified on a worker thread; the trace must survive the hop back
    Matcher sent =
        downstream(
            "/api/v1/analytes",
            "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01",
            TestTokens.token(Roles.READER, "MINDGUT"));
    assertEquals(CALLER_TRACE, sent.group(1));
    assertNotEquals(CALLER_SPAN, sent.group(2));
  }

  @Test
  void anInvalidTraceparentIsReplacedByAFreshTrace() {
    Matcher sent =
        downstream("/api/v1/analytes", "00-" + "0".repeat(32) + "-" + CALLER_SPAN + "-01");
    assertNotEquals("0".repeat(32), sent.group(1));
  }
}
