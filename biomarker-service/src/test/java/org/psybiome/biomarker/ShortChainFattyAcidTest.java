package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Stool short-chain fatty acids reported as mass fractions are converted with the molar masses of
 * the acids labs measure (IUPAC 2021 standard atomic weights C 12.011, H 1.008, O 15.999): acetic
 * acid C2H4O2 = 24.022 + 4.032 + 31.998 = 60.052; propionic acid C3H6O2 = 36.033 + 6.048 + 31.998 =
 * 74.079; butyric acid C4H8O2 = 48.044 + 8.064 + 31.998 = 88.106 — not those of the anions (59.04,
 * 73.07, 87.10), which is one hydrogen less.
 */
@QuarkusTest
class ShortChainFattyAcidTest {

  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  @Test
  void theCatalogueGivesTheAcidsMolarMasses() {
    for (String[] expected :
        List.of(
            new String[] {"ACETATE", "60.05"},
            new String[] {"PROPIONATE", "74.08"},
            new String[] {"BUTYRATE", "88.11"})) {
      JsonPath analyte =
          as("reader", ResultsApi.CONSORTIUM)
              .get("/api/v1/analytes/" + expected[0])
              .then()
              .statusCode(200)
              .extract()
              .jsonPath()
              .using(DOUBLES);
      assertThat(analyte.getDouble("molarMass"))
          .as(expected[0])
          .isEqualTo(Double.parseDouble(expected[1]));
      assertThat(analyte.getString("name")).as(expected[0]).contains("per g wet weight");
    }
  }

  @Test
  void oneMilligramPerGramIsConvertedWithTheAcidsMolarMass() {
    String trial = ResultsApi.registeredTrial(snapshots);
    String csv =
        "participant,visit,sampleId,collectedAt,analyte,value,unit\n"
            + "MG-0001,W0,SCFA-1,2026-03-02T07:30:00Z,ACETATE,1,mg/g\n"
            + "MG-0001,W0,SCFA-1,2026-03-02T07:30:00Z,PROPIONATE,1,mg/g\n"
            + "MG-0001,W0,SCFA-1,2026-03-02T07:30:00Z,BUTYRATE,1,mg/g\n";
    post(trial, "text/csv", csv, null).then().statusCode(201);

    JsonPath stored =
        as("reader", ResultsApi.CONSORTIUM)
            .get("/api/v1/trials/" + trial + "/results")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .using(DOUBLES);
    // 1 mg/g = 1000 ug/g; / 60.05 g/mol = 16.6528 umol/g (the anion's 59.04 gave 16.9377);
    // / 74.08 = 13.4989; / 88.11 = 11.3494
    assertThat(stored.getList("items.analyte"))
        .containsExactly("ACETATE", "PROPIONATE", "BUTYRATE");
    assertThat(stored.getList("items.standardUnit")).containsOnly("umol/g");
    assertThat(stored.getDouble("items[0].standardValue")).isCloseTo(16.6528, within(1e-4));
    assertThat(stored.getDouble("items[1].standardValue")).isCloseTo(13.4989, within(1e-4));
    assertThat(stored.getDouble("items[2].standardValue")).isCloseTo(11.3494, within(1e-4));
  }
}
