package org.psybiome.trial;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.Map;
import org.psybiome.testsupport.TestTokens;

/** The trial API as a test client uses it, with real tokens. */
public final class TrialApi {

  public static final String CONSORTIUM = "MINDGUT";
  public static final String OTHER_CONSORTIUM = "NEUROBIOME";

  public record Created(String id, String etag) {}

  private TrialApi() {}

  public static RequestSpecification as(String role) {
    return as(role, CONSORTIUM);
  }

  public static RequestSpecification as(String role, String consortium) {
    return given().auth().oauth2(TestTokens.token(role, consortium));
  }

  public static Created createDraft(Object body) {
    Response response =
        as("registrant").contentType(ContentType.JSON).body(body).post("/api/v1/trials");
    response.then().statusCode(201);
    return new Created(response.jsonPath().getString("id"), response.header("ETag"));
  }

  public static Response changeStatus(String id, String etag, String status, String reason) {
    return changeStatus(id, etag, status, reason, LocalDate.now());
  }

  public static Response changeStatus(
      String id, String etag, String status, String reason, LocalDate effective) {
    var body = new java.util.HashMap<String, Object>();
    body.put("status", status);
    body.put("effectiveDate", effective.toString());
    if (reason != null) {
      body.put("reason", reason);
    }
    RequestSpecification request = as("registrant").contentType(ContentType.JSON).body(body);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request.post("/api/v1/trials/" + id + "/status");
  }

  /** Moves a trial to {@code status} and returns its new ETag. */
  public static String moveTo(String id, String etag, String status) {
    Response response = changeStatus(id, etag, status, "test: " + status);
    response.then().statusCode(200);
    return response.header("ETag");
  }

  /** A registered, recruiting copy of a demo trial. */
  public static Created recruiting(String demo) {
    Created draft = createDraft(DemoTrials.load(demo));
    String etag = moveTo(draft.id(), draft.etag(), "RECRUITING");
    return new Created(draft.id(), etag);
  }

  /** PUT of a whole record, as {@code role} of the test consortium. */
  public static Response update(
      String role, String consortium, String id, String etag, Object body) {
    RequestSpecification request = as(role, consortium).contentType(ContentType.JSON).body(body);
    if (etag != null) {
      request.header("If-Match", etag);
    }
    return request.put("/api/v1/trials/" + id);
  }

  public static Response update(String id, String etag, Object body) {
    return update("registrant", CONSORTIUM, id, etag, body);
  }

  public static Response unblind(
      String role, String consortium, String id, String etag, String reason) {
    return as(role, consortium)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("reason", reason))
        .post("/api/v1/trials/" + id + "/unblinding");
  }

  public static Response enrol(String id, String code, String arm) {
    return as("registrant")
        .contentType(ContentType.JSON)
        .body(Map.of("code", code, "arm", arm, "enrolledOn", LocalDate.now().toString()))
        .post("/api/v1/trials/" + id + "/participants");
  }

  public static String etagOf(String id) {
    return as("registrant").get("/api/v1/trials/" + id).header("ETag");
  }
}
