package org.psybiome.biomarker.service.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.ResponseAnalysis.Interval;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskDifference;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskRatio;

/**
 * Rates' and comparisons' intervals against statsmodels: proportion_confint (beta, wilson) and
 * confint_proportions_2indep (diff: newcomb, wald; ratio: log, log-adjusted for a zero cell), the
 * cases and values in {@code reference/response_rates.json} written by {@code response_rates.py}
 * beside it; to 1e-9 relative (1e-12 absolute at 0). Edge cases: no responder, all responders, arms
 * of 1 to 3 participants.
 */
class ResponseStatisticsTest {

  private static JsonNode fixture;

  @BeforeAll
  static void readFixture() throws IOException {
    try (InputStream in =
        ResponseStatisticsTest.class.getResourceAsStream("/reference/response_rates.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void theNormalQuantileIsStatsmodels() {
    // scipy.stats.norm.isf(0.025)
    assertThat(BinomialIntervals.Z).isCloseTo(1.959963984540054, within(1e-15));
  }

  @Test
  void clopperPearsonAndWilsonMatchStatsmodels() {
    assertThat(fixture.path("proportions").size()).isGreaterThan(10);
    for (JsonNode c : fixture.path("proportions")) {
      int x = c.path("events").asInt();
      int n = c.path("n").asInt();
      String name = x + "/" + n;
      close(BinomialIntervals.clopperPearson(x, n), c.path("clopperPearson"), name + " CP");
      close(BinomialIntervals.wilson(x, n), c.path("wilson"), name + " Wilson");
    }
  }

  @Test
  void riskDifferencesMatchStatsmodels() {
    for (JsonNode c : fixture.path("comparisons")) {
      String name = c.path("name").asText();
      RiskDifference rd =
          TwoProportions.riskDifference(
              c.path("events1").asInt(),
              c.path("n1").asInt(),
              c.path("events2").asInt(),
              c.path("n2").asInt());
      close(rd.estimate(), c.path("difference").asDouble(), name + " RD");
      close(new Interval(rd.ciLow(), rd.ciHigh()), c.path("newcombe"), name + " Newcombe");
      close(new Interval(rd.waldCiLow(), rd.waldCiHigh()), c.path("wald"), name + " Wald");
      assertThat(rd.method()).isEqualTo("NEWCOMBE_HYBRID_SCORE");
    }
  }

  @Test
  void riskRatiosMatchStatsmodelsAndTheZeroCellRule() {
    int notEstimable = 0;
    int adjusted = 0;
    for (JsonNode c : fixture.path("comparisons")) {
      String name = c.path("name").asText();
      RiskRatio rr =
          TwoProportions.riskRatio(
              c.path("events1").asInt(),
              c.path("n1").asInt(),
              c.path("events2").asInt(),
              c.path("n2").asInt());
      JsonNode want = c.path("ratio");
      if (want.isNull()) {
        notEstimable++;
        assertThat(rr.estimate()).as(name).isNull();
        assertThat(rr.ciLow()).as(name).isNull();
        assertThat(rr.notEstimableReason()).as(name).isNotBlank();
        continue;
      }
      boolean half = want.path("method").asText().equals("log-adjusted");
      adjusted += half ? 1 : 0;
      assertThat(rr.method()).as(name).isEqualTo(half ? "LOG_HALF_ADJUSTED" : "LOG");
      close(rr.estimate(), want.path("estimate").asDouble(), name + " RR");
      close(rr.ciLow(), want.path("low").asDouble(), name + " RR low");
      close(rr.ciHigh(), want.path("high").asDouble(), name + " RR high");
    }
    // the fixture exercises both exceptions of the rule
    assertThat(notEstimable).isEqualTo(2);
    assertThat(adjusted).isEqualTo(3);
  }

  private static void close(Interval got, JsonNode want, String name) {
    close(got.low(), want.get(0).asDouble(), name + " low");
    close(got.high(), want.get(1).asDouble(), name + " high");
  }

  private static void close(double got, double want, String name) {
    assertThat(got).as(name).isCloseTo(want, within(Math.max(Math.abs(want) * 1e-9, 1e-12)));
  }
}
