package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * A sample id names one participant's sample at one visit, of one specimen. A row that uses it for
 * another participant, visit or specimen — in the same batch or after it was stored — is a row
 * error, and nothing of the batch is stored; otherwise the derived values, computed per sample,
 * would pair one participant's kynurenine with another's tryptophan.
 */
@QuarkusTest
class SampleIdentityTest {

  private static final String HEADER =
      "participant,visit,sampleId,specimen,collectedAt,analyte,value,unit\n";
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  @BeforeEach
  void trial() {
    trial = ResultsApi.registeredTrial(snapshots);
  }

  @Test
  void aSampleOfTwoParticipantsInOneBatchIsARowError() {
    String csv =
        HEADER
            + "MG-0001,W0,SI-1,,2026-03-01T08:00:00Z,KYN,2,umol/L\n"
            + "MG-0002,W0,SI-1,,2026-03-01T08:00:00Z,TRP,50,umol/L\n";
    post(trial, "text/csv", csv, null)
        .then()
        .statusCode(422)
        .body("violations", hasSize(1))
        .body("violations[0].row", equalTo(2))
        .body("violations[0].field", equalTo("sampleId"))
        .body("violations[0].message", containsString("another participant in row 1"));
    assertThat(storedCount()).isZero();
  }

  @Test
  void aStoredSampleReusedForAnotherParticipantOrVisitIsARowError() {
    post(trial, "text/csv", HEADER + "MG-0001,W0,SI-2,,2026-03-01T08:00:00Z,KYN,2,umol/L\n", null)
        .then()
        .statusCode(201);

    String csv =
        HEADER
            + "MG-0001,W0,SI-3,,2026-03-01T08:00:00Z,IL6,2.5,pg/mL\n"
            + "MG-0002,W0,SI-2,,2026-03-01T08:00:00Z,TRP,50,umol/L\n"
            + "MG-0001,W8,SI-2,,2026-05-01T08:00:00Z,IL6,3,pg/mL\n";
    JsonPath problem =
        post(trial, "text/csv", csv, null).then().statusCode(422).extract().jsonPath();
    assertThat(problem.getList("violations.row", Integer.class)).containsExactly(2, 3);
    assertThat(problem.getList("violations.field", String.class))
        .containsExactly("sampleId", "sampleId");
    assertThat(problem.getString("violations[0].message"))
        .startsWith("is stored as a sample of another participant (participant MG-0001,");
    assertThat(problem.getString("violations[1].message"))
        .startsWith("is stored as a sample of another visit (participant MG-0001, visit W0,");
    // nothing of the refused batch, and no ratio pairing MG-0001's KYN with MG-0002's TRP
    assertThat(storedCount()).isEqualTo(1);
  }

  @Test
  void aSampleOfTwoSpecimensIsARowError() {
    // IL-6 defaults to serum, acetate to stool: one sample id cannot be both
    String csv =
        HEADER
            + "MG-0001,W0,SI-4,,2026-03-01T08:00:00Z,IL6,2.5,pg/mL\n"
            + "MG-0001,W0,SI-4,,2026-03-01T08:00:00Z,ACETATE,40,umol/g\n"
            + "MG-0001,W0,SI-4,PLASMA,2026-03-01T08:00:00Z,TNFA,4,pg/mL\n";
    JsonPath problem =
        post(trial, "text/csv", csv, null).then().statusCode(422).extract().jsonPath();
    assertThat(problem.getList("violations.row", Integer.class)).containsExactly(2, 3);
    assertThat(problem.getList("violations.field", String.class))
        .containsExactly("sampleId", "sampleId");
    assertThat(problem.getString("violations[0].message"))
        .startsWith("is a sample of another specimen in row 1");
    assertThat(storedCount()).isZero();
  }

  @Test
  void theSameSampleOfTheSameParticipantStillPairsAcrossBatches() {
    post(trial, "text/csv", HEADER + "MG-0001,W0,SI-5,,2026-03-01T08:00:00Z,KYN,2,umol/L\n", null)
        .then()
        .statusCode(201);
    post(
            trial,
            "text/csv",
            HEADER + "MG-0001,W0,SI-5,SERUM,2026-03-01T08:00:00Z,TRP,50,umol/L\n",
            null)
        .then()
        .statusCode(201);
    // 2 / 50 × 1000 = 40 umol/mmol
    JsonPath ratio = results("KYN_TRP_RATIO");
    assertThat(ratio.getList("items")).hasSize(1);
    assertThat(ratio.getString("items[0].participant")).isEqualTo("MG-0001");
    assertThat(ratio.getDouble("items[0].standardValue")).isCloseTo(40, within(1e-9));
  }

  private JsonPath results(String analyte) {
    return as("reader", ResultsApi.CONSORTIUM)
        .queryParam("analyte", analyte)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }

  private int storedCount() {
    return as("reader", ResultsApi.CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items")
        .size();
  }
}
