package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;
import static org.psybiome.biomarker.ResultsApi.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * One value per participant and visit: the latest result (by collection time, then by the order the
 * service registered them), censored or not. A participant whose latest result is below the limit
 * of quantification counts as censored only, never with an older number as well. Numbers by hand.
 */
@QuarkusTest
class SummaryLatestResultTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double EPS = 1e-9;
  private static final JsonPathConfig DOUBLES =
      new JsonPathConfig().numberReturnType(NumberReturnType.DOUBLE);

  @Inject TrialSnapshots snapshots;

  private String trial;

  /**
   * IL-6 (pg/mL) of the three participants of {@link ResultsApi#registeredTrial}:
   *
   * <pre>
   *            W0 (baseline)                W8
   *   MG-0001  2                            4 on 1 May, then &lt;0.5 on 2 May
   *   MG-0002  3                            &lt;0.5 on 29 April, then 6 on 1 May
   *   MG-0003  1.5 on 1 March, then &lt;1 on  8 (first batch), 10 (second batch), both 1 May 08:00
   *            2 March
   * </pre>
   */
  @BeforeEach
  void resultsWithSeveralPerVisit() throws Exception {
    trial = ResultsApi.registeredTrial(snapshots);
    List<Map<String, Object>> first =
        List.of(
            il6("MG-0001", "W0", "L-1-W0", "2", null, "2026-03-01T08:00:00Z"),
            il6("MG-0002", "W0", "L-2-W0", "3", null, "2026-03-01T08:00:00Z"),
            il6("MG-0003", "W0", "L-3-W0a", "1.5", null, "2026-03-01T08:00:00Z"),
            il6("MG-0003", "W0", "L-3-W0b", "1", "<", "2026-03-02T08:00:00Z"),
            il6("MG-0001", "W8", "L-1-W8a", "4", null, "2026-05-01T08:00:00Z"),
            il6("MG-0001", "W8", "L-1-W8b", "0.5", "<", "2026-05-02T08:00:00Z"),
            il6("MG-0002", "W8", "L-2-W8a", "0.5", "<", "2026-04-29T08:00:00Z"),
            il6("MG-0002", "W8", "L-2-W8b", "6", null, "2026-05-01T08:00:00Z"),
            il6("MG-0003", "W8", "L-3-W8a", "8", null, "2026-05-01T08:00:00Z"));
    post(trial, "application/json", JSON.writeValueAsString(first), null).then().statusCode(201);
    // same collection time, registered later: this one is the participant's value
    List<Map<String, Object>> second =
        List.of(il6("MG-0003", "W8", "L-3-W8b", "10", null, "2026-05-01T08:00:00Z"));
    post(trial, "application/json", JSON.writeValueAsString(second), null).then().statusCode(201);
  }

  @Test
  void aParticipantWhoseLatestResultIsCensoredCountsAsCensoredOnly() {
    // MG-0001 censored; MG-0002 6; MG-0003 10 (the later registered of two at 08:00).
    // n = 2, mean 16/2 = 8, SD² = (4 + 4)/1 = 8; nCensored = 1 (MG-0001, not MG-0002)
    JsonPath pooled = summary("visit=W8");
    assertThat(pooled.getInt("pooled.n")).isEqualTo(2);
    assertThat(pooled.getInt("pooled.nCensored")).isEqualTo(1);
    assertThat(pooled.getDouble("pooled.mean")).isCloseTo(8, within(EPS));
    assertThat(pooled.getDouble("pooled.sd")).isCloseTo(Math.sqrt(8), within(EPS));
    assertThat(pooled.getDouble("pooled.min")).isCloseTo(6, within(EPS));
    assertThat(pooled.getDouble("pooled.max")).isCloseTo(10, within(EPS));
  }

  @Test
  void aCensoredLatestBaselineGivesNoChange() {
    // MG-0001 is censored at W8, MG-0003 at W0 (its latest baseline result): only MG-0002,
    // 6 − 3 = 3. nCensored counts the visit's participants: MG-0001
    JsonPath change = summary("visit=W8&change=true");
    assertThat(change.getInt("pooled.n")).isEqualTo(1);
    assertThat(change.getDouble("pooled.mean")).isCloseTo(3, within(EPS));
    assertThat(change.getInt("pooled.nCensored")).isEqualTo(1);
  }

  private static Map<String, Object> il6(
      String participant,
      String visit,
      String sample,
      String value,
      String comparator,
      String collectedAt) {
    return with(
        row(participant, visit, sample, "IL6"),
        "value",
        value,
        "comparator",
        comparator,
        "collectedAt",
        collectedAt);
  }

  private JsonPath summary(String query) {
    return as("reader", CONSORTIUM)
        .get("/api/v1/trials/" + trial + "/summaries/IL6?" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .using(DOUBLES);
  }
}
