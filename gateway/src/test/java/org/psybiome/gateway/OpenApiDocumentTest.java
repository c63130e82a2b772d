package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /openapi.json is one document of the whole API, and survives a service being down. */
@QuarkusTest
class OpenApiDocumentTest {

  @Test
  void mergedDocumentHoldsBothServicesPathsAndTheBearerScheme() throws Exception {
    Eventually.await("a complete document", Duration.ofSeconds(15), () -> missing().isEmpty());
    given()
        .get("/openapi.json")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("info.title", equalTo("Psybiome API"))
        .body("servers[0].url", equalTo("/"))
        .body("paths", hasKey("/api/v1/trials"))
        .body("paths", hasKey("/api/v1/trials/{id}"))
        .body("paths", hasKey("/api/v1/analytes"))
        .body("paths", hasKey("/api/v1/trials/{id}/results"))
        .body("paths", not(hasKey("/q/health")))
        .body("components.schemas", hasKey("Trial"))
        .body("components.schemas", hasKey("Analyte"))
        // the name both services use is kept from the first (trial-service)
        .body("components.schemas.Problem.properties", hasKey("type"))
        .body("tags.name", hasItem("Trials"))
        .body("tags.name", hasItem("Analytes"))
        .body("components.securitySchemes.bearerToken.type", equalTo("http"))
        .body("components.securitySchemes.bearerToken.scheme", equalTo("bearer"))
        .body("components.securitySchemes.bearerToken.bearerFormat", equalTo("JWT"));
  }

  @Test
  void withOneServiceDownTheOtherIsStillDocumentedAndTheMissingOneNamed() throws Exception {
    var biomarker = UpstreamStandIns.get("biomarker-service");
    biomarker.stop();
    try {
      Eventually.await(
          "biomarker-service named missing",
          Duration.ofSeconds(15),
          () -> missing().contains("biomarker-service"));
      given()
          .get("/openapi.json")
          .then()
          .statusCode(200)
          .body("paths", hasKey("/api/v1/trials"))
          .body("paths", not(hasKey("/api/v1/analytes")))
          .body("info.description", containsString("biomarker-service"))
          .body("x-psybiome-missing-services", equalTo(List.of("biomarker-service")));
    } finally {
      biomarker.start();
    }
    Eventually.await(
        "a complete document again", Duration.ofSeconds(15), () -> missing().isEmpty());
  }

  @Test
  void swaggerUiOffersTheWholeApiFirst() {
    given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .body(containsString("/openapi.json"))
        .body(containsString("/q/openapi"));
  }

  private static List<String> missing() {
    JsonPath document = given().get("/openapi.json").then().statusCode(200).extract().jsonPath();
    return document.getList("x-psybiome-missing-services", String.class);
  }
}
