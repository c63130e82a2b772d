package org.psybiome.biomarker;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.psybiome.testsupport.TestTokens;

/** The catalogue API as a test client uses it, with real tokens. */
final class CatalogueApi {

  static final String CONSORTIUM = "MINDGUT";
  private static final AtomicInteger NEXT = new AtomicInteger();

  private CatalogueApi() {}

  static RequestSpecification as(String role) {
    return given().auth().oauth2(TestTokens.token(role, CONSORTIUM)).contentType(ContentType.JSON);
  }

  /** A code no other test uses; tests share one database. */
  static String uniqueCode(String prefix) {
    return prefix + "_" + ProcessHandle.current().pid() % 1000 + "_" + NEXT.incrementAndGet();
  }

  /** A valid new analyte: serum IL-17A in pg/mL. */
  static Map<String, Object> analyte(String code) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("name", "Interleukin-17A");
    body.put("layer", "IMMUNE");
    body.put("specimen", "SERUM");
    body.put("unit", "pg/mL");
    body.put("plausibleLow", 0);
    body.put("plausibleHigh", 500);
    body.put("derived", false);
    return body;
  }
}
