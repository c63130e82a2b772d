package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.psybiome.biomarker.model.ArmComparison;
import org.psybiome.biomarker.model.Statistics;

/**
 * The summary formulas against reference values: {@code reference/descriptives_reference.json},
 * written by {@code reference/descriptives_reference.py} with NumPy (type-7 quantiles), SciPy
 * (Welch's t, df and p) and the textbook Hedges' g, and {@code reference/pvalues.json}, two-sided p
 * values written by {@code reference/pvalues.py} with SciPy; the edge cases are worked out by hand.
 */
class DescriptivesTest {

  private static final double EPS = 1e-9;
  // p values span 1e-73 to 0.5: compared relative to their size, 1e-9 (as a percentage, 1e-7 %)
  private static final double P_RELATIVE_PERCENT = 1e-7;
  private static final JsonNode REFERENCE = reference("/reference/descriptives_reference.json");
  private static final JsonNode P_VALUES = reference("/reference/pvalues.json");

  static Stream<Arguments> cases() {
    return named(REFERENCE);
  }

  static Stream<Arguments> pValues() {
    return named(P_VALUES);
  }

  private static Stream<Arguments> named(JsonNode fixture) {
    List<Arguments> cases = new ArrayList<>();
    fixture.path("cases").forEach(c -> cases.add(Arguments.of(c.path("name").asText(), c)));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pValues")
  void twoSidedPMatchesSciPyIncludingFarTails(String name, JsonNode reference) {
    double expected = reference.path("p").asDouble();

    double p =
        Descriptives.twoSidedP(reference.path("t").asDouble(), reference.path("df").asDouble());

    assertThat(p).isCloseTo(expected, withinPercentage(P_RELATIVE_PERCENT));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void descriptiveStatisticsMatchNumPy(String name, JsonNode reference) {
    for (String group : List.of("a", "b")) {
      JsonNode expected = reference.path(group);

      Statistics statistics = Descriptives.of(values(expected), 3, 2, 1);

      assertThat(statistics.n()).isEqualTo(expected.path("n").asInt());
      assertThat(statistics.nCensored()).isEqualTo(3);
      assertThat(statistics.nQcFail()).isEqualTo(2);
      assertThat(statistics.nQcWarn()).isEqualTo(1);
      assertThat(statistics.mean()).isCloseTo(expected.path("mean").asDouble(), within(EPS));
      assertThat(statistics.sd()).isCloseTo(expected.path("sd").asDouble(), within(EPS));
      assertThat(statistics.median()).isCloseTo(expected.path("median").asDouble(), within(EPS));
      assertThat(statistics.q1()).isCloseTo(expected.path("q1").asDouble(), within(EPS));
      assertThat(statistics.q3()).isCloseTo(expected.path("q3").asDouble(), within(EPS));
      assertThat(statistics.min()).isEqualTo(expected.path("min").asDouble());
      assertThat(statistics.max()).isEqualTo(expected.path("max").asDouble());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void comparisonMatchesHedgesAndOlkinAndSciPysWelchTest(String name, JsonNode reference) {
    JsonNode expected = reference.path("comparison");

    ArmComparison comparison =
        Descriptives.compare(
            "PROBIOTIC",
            Descriptives.of(values(reference.path("a")), 0, 0, 0),
            "PLACEBO",
            Descriptives.of(values(reference.path("b")), 0, 0, 0));

    assertThat(comparison.experimental()).isEqualTo("PROBIOTIC");
    assertThat(comparison.comparator()).isEqualTo("PLACEBO");
    assertClose(comparison.meanDifference(), expected, "meanDifference");
    assertClose(comparison.hedgesG(), expected, "hedgesG");
    assertClose(comparison.hedgesGVariance(), expected, "hedgesGVariance");
    assertClose(comparison.hedgesGCiLow(), expected, "hedgesGCiLow");
    assertClose(comparison.hedgesGCiHigh(), expected, "hedgesGCiHigh");
    assertClose(comparison.welchT(), expected, "welchT");
    assertClose(comparison.welchDf(), expected, "welchDf");
    // relative: the far_apart case's p is about 1e-21, which an absolute tolerance would not see
    assertThat(comparison.welchP())
        .isCloseTo(expected.path("welchP").asDouble(), withinPercentage(P_RELATIVE_PERCENT));
  }

  @Test
  void noValuesGiveOnlyTheCounts() {
    Statistics statistics = Descriptives.of(new double[0], 2, 0, 0);

    assertThat(statistics)
        .isEqualTo(new Statistics(0, 2, 0, 0, null, null, null, null, null, null, null));
  }

  @Test
  void oneValueIsEveryQuantileAndHasNoSd() {
    // n = 1: h = 0 for every p, so every quantile is x[0]; the sample SD divides by n − 1 = 0
    Statistics statistics = Descriptives.of(new double[] {4.2}, 0, 0, 0);

    assertThat(statistics)
        .isEqualTo(new Statistics(1, 0, 0, 0, 4.2, null, 4.2, 4.2, 4.2, 4.2, 4.2));
  }

  @Test
  void quartilesOfUnsortedValuesAreThoseOfTheSortedOnes() {
    // sorted 1, 2, 3, 4, 10 (n = 5): q1 at h = 4·0.25 = 1 → 2; median h = 2 → 3; q3 h = 3 → 4;
    // mean 20/5 = 4; SD² = (9 + 4 + 1 + 0 + 36)/4 = 12.5
    Statistics statistics = Descriptives.of(new double[] {10, 3, 1, 4, 2}, 0, 0, 0);

    assertThat(statistics.q1()).isEqualTo(2.0);
    assertThat(statistics.median()).isEqualTo(3.0);
    assertThat(statistics.q3()).isEqualTo(4.0);
    assertThat(statistics.mean()).isEqualTo(4.0);
    assertThat(statistics.sd()).isCloseTo(Math.sqrt(12.5), within(EPS));
  }

  @Test
  void anEmptyArmLeavesEveryComparisonFieldNull() {
    ArmComparison comparison =
        Descriptives.compare(
            "PROBIOTIC",
            Descriptives.of(new double[] {1, 2}, 0, 0, 0),
            "PLACEBO",
            Descriptives.of(new double[0], 4, 0, 0));

    assertThat(comparison)
        .isEqualTo(
            new ArmComparison(
                "PROBIOTIC", "PLACEBO", null, null, null, null, null, null, null, null));
  }

  @Test
  void armsWithoutVarianceHaveADifferenceButNoEffectSizeNorTest() {
    // 5, 5 vs 3, 3: difference 2, both SDs 0, so s_p = 0 and s1²/n1 + s2²/n2 = 0: g and t undefined
    ArmComparison comparison =
        Descriptives.compare(
            "PROBIOTIC",
            Descriptives.of(new double[] {5, 5}, 0, 0, 0),
            "PLACEBO",
            Descriptives.of(new double[] {3, 3}, 0, 0, 0));

    assertThat(comparison.meanDifference()).isEqualTo(2.0);
    assertThat(comparison.hedgesG()).isNull();
    assertThat(comparison.welchT()).isNull();
    assertThat(comparison.welchP()).isNull();
  }

  @Test
  void aSingleParticipantArmHasADifferenceButNoEffectSize() {
    // the comparator's SD is undefined (n = 1), so neither pooled SD nor Welch's t exist
    ArmComparison comparison =
        Descriptives.compare(
            "PROBIOTIC",
            Descriptives.of(new double[] {1, 3}, 0, 0, 0),
            "PLACEBO",
            Descriptives.of(new double[] {4}, 0, 0, 0));

    assertThat(comparison.meanDifference()).isEqualTo(-2.0);
    assertThat(comparison.hedgesG()).isNull();
    assertThat(comparison.welchDf()).isNull();
  }

  private static void assertClose(Double actual, JsonNode expected, String field) {
    assertThat(actual).as(field).isCloseTo(expected.path(field).asDouble(), within(EPS));
  }

  private static double[] values(JsonNode group) {
    double[] values = new double[group.path("values").size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = group.path("values").get(i).asDouble();
    }
    return values;
  }

  private static JsonNode reference(String resource) {
    try (InputStream in = DescriptivesTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the reference values", e);
    }
  }
}
