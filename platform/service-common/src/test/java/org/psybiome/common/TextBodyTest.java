package org.psybiome.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text bodies must be well-formed UTF-8 without NUL; JSON documents must end where they end. */
@QuarkusTest
class TextBodyTest {

  private static final String PROBLEM = "application/problem+json";
  private static final String MALFORMED = "https://psybiome.org/problems/malformed-body";

  @Test
  void overlongUtf8InJsonIsRefusedNotDecoded() {
    // C0 AF is an overlong '/': a lenient decoder would read "a/b".
    byte[] body =
        bytes("{\"title\":\"a", new byte[] {(byte) 0xC0, (byte) 0xAF}, "b\",\"kind\":\"FMT\"}");
    given()
        .contentType("application/json")
        .body(body)
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(MALFORMED))
        .body("detail", containsString("not valid UTF-8"));
  }

  @Test
  void encodedSurrogateAndTruncatedSequenceAreRefused() {
    byte[] surrogate = bytes("x,", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\n");
    byte[] truncated = bytes("x,", new byte[] {(byte) 0xE2, (byte) 0x82}, "");
    for (byte[] body : new byte[][] {surrogate, truncated}) {
      given()
          .contentType("text/csv")
          .body(body)
          .post("/probe/text")
          .then()
          .statusCode(400)
          .body("type", equalTo(MALFORMED));
    }
  }

  @Test
  void nulInTextIsRefused() {
    given()
        .contentType("text/csv")
        .body(bytes("a,", new byte[] {0}, "b\n"))
        .post("/probe/text")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("detail", containsString("NUL"));
  }

  @Test
  void escapedNulAndLoneSurrogateInJsonStringsAreFieldErrors() {
    for (String title : new String[] {"a\\ud800b", "a\\udc00"}) {
      given()
          .contentType("application/json")
          .body("{\"title\":\"" + title + "\",\"kind\":\"FMT\"}")
          .post("/probe/samples")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("violations[0].field", equalTo("title"))
          .body("violations[0].message", containsString("NUL or unpaired surrogates"));
    }
  }

  @Test
  void encodedNulInThePathOrQueryIsRefused() {
    for (String uri : new String[] {"/probe/conflict%00", "/probe/conflict?q=a%00b"}) {
      given()
          .urlEncodingEnabled(false)
          .get(uri)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("detail", containsString("NUL"));
    }
  }

  @Test
  void escapedNulIsRefusedWhereverItStandsButAnEscapedBackslashIsText() {
    // a date reader would trim a NUL away and read "no date"
    for (String body :
        new String[] {
          "{\"title\":\"a\\u0000b\",\"kind\":\"FMT\",\"doseCfuPerDay\":1}",
          "{\"title\":\"t\",\"kind\":\"FMT\",\"doseCfuPerDay\":1,\"start\":\"\\u0000\"}"
        }) {
      given()
          .contentType("application/json")
          .body(body)
          .post("/probe/samples")
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("detail", containsString("escaped NUL"));
    }
    given()
        .contentType("application/json")
        .body("{\"title\":\"C:\\\\u0000\",\"kind\":\"FMT\",\"doseCfuPerDay\":1}")
        .post("/probe/samples")
        .then()
        .statusCode(200)
        .body("title", equalTo("C:\\u0000"));
  }

  @Test
  void contentAfterTheJsonDocumentIsRefused() {
    given()
        .contentType("application/json")
        .body("{\"title\":\"t\",\"kind\":\"FMT\"} {\"title\":\"u\"}")
        .post("/probe/samples")
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("type", equalTo(MALFORMED));
  }

  @Test
  void wellFormedTextOfEveryLengthPassesUnchanged() {
    // 1- to 4-byte sequences, a pair-escaped emoji in JSON, right-to-left and zero-width marks.
    String text = "id,Łódź,ψυχή,腸内細菌,🦠,\u200f\u200b\n";
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] echoed =
        given()
            .contentType("text/csv")
            .body(body)
            .post("/probe/text")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    assertArrayEquals(body, echoed);
    given()
        .contentType("application/json")
        .body("{\"title\":\"\\ud83e\\udda0 microbiome\",\"kind\":\"FMT\",\"doseCfuPerDay\":1}")
        .post("/probe/samples")
        .then()
        .statusCode(200)
        .body("title", equalTo("🦠 microbiome"));
  }

  private static byte[] bytes(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
