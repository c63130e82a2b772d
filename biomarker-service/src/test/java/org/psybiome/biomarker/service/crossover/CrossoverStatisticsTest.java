package org.psybiome.biomarker.service.crossover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.CrossoverEstimate;
import org.psybiome.biomarker.model.CrossoverParticipant.ParticipantDifference;

/**
 * The crossover analysis' statistics against {@code reference/crossover.json}, written by {@code
 * reference/crossover.py} with SciPy (ttest_ind with pooled variance, ttest_rel, t.interval):
 * compared to 1e-9 relative. The N-of-1 cycles are worked out by hand.
 */
class CrossoverStatisticsTest {

  private static final double RELATIVE = 1e-9;
  private static final JsonNode REFERENCE = reference("/reference/crossover.json");
  private static final String PRO = "PROBIOTIC";
  private static final String PLA = "PLACEBO";

  @Test
  void twoByTwoMatchesTheTwoSampleTestOfPeriodDifferencesAndThePairedTest() {
    JsonNode fixture = REFERENCE.path("ab_ba");
    WithinParticipantComparison.Result result =
        WithinParticipantComparison.compare(twoByTwo(fixture, false), PRO, PLA, 2, false, false);

    assertThat(result.comparison().method()).isEqualTo(WithinParticipantComparison.AB_BA);
    assertThat(result.comparison().nAnalysed()).isEqualTo(9);
    assertThat(result.comparison().sequences()).hasSize(2);
    assertThat(result.comparison().sequences().get(0).sequence()).isEqualTo("AB");
    assertThat(result.comparison().sequences().get(0).n()).isEqualTo(5);
    assertThat(result.comparison().sequences().get(1).n()).isEqualTo(4);
    assertEstimate(result.comparison().treatmentEffect(), fixture.path("treatmentEffect"), false);
    assertEstimate(result.comparison().periodEffect(), fixture.path("periodEffect"), false);
    assertEstimate(result.comparison().paired(), fixture.path("paired"), false);
    assertDifferences(result, fixture.path("differences"));
    assertThat(result.differences().values()).allMatch(d -> d.ratio() == null);
  }

  @Test
  void logScaleAnalysesNaturalLogsAndReportsRatiosOfGeometricMeans() {
    JsonNode fixture = REFERENCE.path("ab_ba_log");
    WithinParticipantComparison.Result result =
        WithinParticipantComparison.compare(twoByTwo(fixture, true), PRO, PLA, 2, false, true);

    assertEstimate(result.comparison().treatmentEffect(), fixture.path("treatmentEffect"), true);
    assertEstimate(result.comparison().periodEffect(), fixture.path("periodEffect"), true);
    assertEstimate(result.comparison().paired(), fixture.path("paired"), true);
    assertDifferences(result, fixture.path("differences"));
    for (ParticipantDifference d : result.differences().values()) {
      assertClose(d.ratio(), Math.exp(d.difference()));
    }
  }

  @Test
  void moreThanTwoPeriodsGiveThePairedTestOfPerParticipantMeanDifferences() {
    JsonNode fixture = REFERENCE.path("abb_baa");
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode p : fixture.path("participants")) {
      String sequence = p.path("sequence").asText();
      List<Subject.Slot> slots = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        double value = p.path("values").get(i).asDouble();
        String arm = sequence.charAt(i) == 'A' ? PRO : PLA;
        slots.add(new Subject.Slot("P" + (i + 1), "V" + (i + 1), arm, value, value));
      }
      subjects.add(new Subject(p.path("participant").asText(), sequence, slots));
    }
    WithinParticipantComparison.Result result =
        WithinParticipantComparison.compare(subjects, PRO, PLA, 3, false, false);

    assertThat(result.comparison().method()).isEqualTo(WithinParticipantComparison.PAIRED);
    assertThat(result.comparison().abBaUnavailableReason()).contains("3 periods");
    assertThat(result.comparison().treatmentEffect()).isNull();
    assertThat(result.comparison().periodEffect()).isNull();
    assertEstimate(result.comparison().paired(), fixture.path("paired"), false);
    assertDifferences(result, fixture.path("differences"));
  }

  @Test
  void nOf1OwnEstimatesMatchTheTIntervalOnCyclesMinusOneDf() {
    JsonNode fixture = REFERENCE.path("n_of_1");
    for (String participant : List.of("N-01", "N-02")) {
      JsonNode expected = fixture.path(participant);
      double[] cycles = doubles(expected.path("cycles"));
      CrossoverEstimate own = CrossoverStatistics.ownEstimate(cycles);
      assertThat(own.n()).isEqualTo(expected.path("n").asInt());
      assertClose(own.estimate(), expected.path("estimate").asDouble());
      assertClose(own.sd(), expected.path("sd").asDouble());
      assertClose(own.ciLow(), expected.path("ciLow").asDouble());
      assertClose(own.ciHigh(), expected.path("ciHigh").asDouble());
      assertThat(own.df()).isEqualTo(expected.path("df").asDouble());
    }
    CrossoverEstimate single = CrossoverStatistics.ownEstimate(new double[] {-0.7});
    assertClose(single.estimate(), fixture.path("N-03").path("estimate").asDouble());
    assertThat(single.n()).isEqualTo(1);
    assertThat(single.ciLow()).isNull();
    assertThat(single.ciHigh()).isNull();
    assertThat(single.note()).contains("one cycle");
  }

  @Test
  void nOf1CyclesAreConsecutiveBlocksOfAsManyPeriodsAsTheSequenceHasArms() {
    // ABBAAB, A = probiotic: cycles (A,B) (B,A) (A,B) give 5 − 7 = −2, 3 − 6 = −3, 4 − 4.5 = −0.5;
    // their mean −11/6, whereas the difference of the means (12/3 − 17.5/3) is the same here
    double[] values = {5, 7, 6, 3, 4, 4.5};
    String sequence = "ABBAAB";
    List<Subject.Slot> slots = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      String arm = sequence.charAt(i) == 'A' ? PRO : PLA;
      slots.add(new Subject.Slot("P" + (i + 1), "V" + (i + 1), arm, values[i], values[i]));
    }
    Subject subject = new Subject("N-04", sequence, slots);
    ParticipantDifference d = WithinParticipantComparison.difference(subject, PRO, PLA, true);
    assertThat(d.cycleDifferences()).containsExactly(-2.0, -3.0, -0.5);
    assertClose(d.difference(), -11.0 / 6);
    assertThat(d.estimate().n()).isEqualTo(3);
    // SD of (−2, −3, −0.5): mean −11/6, squares 1/36 + 49/36 + 64/36 = 114/36, /2 → √(19/12)
    assertClose(d.estimate().sd(), Math.sqrt(19.0 / 12));
  }

  @Test
  void aTwoByTwoWithOneOrderOnlyFallsBackToThePairedTest() {
    JsonNode fixture = REFERENCE.path("ab_ba");
    List<Subject> abOnly =
        twoByTwo(fixture, false).stream().filter(s -> s.sequence().equals("AB")).toList();
    WithinParticipantComparison.Result result =
        WithinParticipantComparison.compare(abOnly, PRO, PLA, 2, false, false);
    assertThat(result.comparison().method()).isEqualTo(WithinParticipantComparison.PAIRED);
    assertThat(result.comparison().abBaUnavailableReason()).contains("one order only");
    assertThat(result.comparison().paired().n()).isEqualTo(5);
  }

  /** The fixture's AB/BA participants: AB has the probiotic in P1 (W4), BA in P2 (W8). */
  static List<Subject> twoByTwo(JsonNode fixture, boolean logs) {
    List<Subject> subjects = new ArrayList<>();
    for (JsonNode p : fixture.path("participants")) {
      String sequence = p.path("sequence").asText();
      double p1 = p.path("p1").asDouble();
      double p2 = p.path("p2").asDouble();
      boolean ab = sequence.equals("AB");
      subjects.add(
          new Subject(
              p.path("participant").asText(),
              sequence,
              List.of(
                  new Subject.Slot("P1", "W4", ab ? PRO : PLA, p1, logs ? Math.log(p1) : p1),
                  new Subject.Slot("P2", "W8", ab ? PLA : PRO, p2, logs ? Math.log(p2) : p2))));
    }
    return subjects;
  }

  static void assertEstimate(CrossoverEstimate actual, JsonNode expected, boolean ratios) {
    assertThat(actual.n()).isEqualTo(expected.path("n").asInt());
    assertClose(actual.estimate(), expected.path("estimate").asDouble());
    assertClose(actual.sd(), expected.path("sd").asDouble());
    assertClose(actual.se(), expected.path("se").asDouble());
    assertClose(actual.ciLow(), expected.path("ciLow").asDouble());
    assertClose(actual.ciHigh(), expected.path("ciHigh").asDouble());
    assertClose(actual.t(), expected.path("t").asDouble());
    assertThat(actual.df()).isEqualTo(expected.path("df").asDouble());
    assertClose(actual.p(), expected.path("p").asDouble());
    if (ratios) {
      assertClose(actual.ratio(), expected.path("ratio").asDouble());
      assertClose(actual.ratioCiLow(), expected.path("ratioCiLow").asDouble());
      assertClose(actual.ratioCiHigh(), expected.path("ratioCiHigh").asDouble());
    } else {
      assertThat(actual.ratio()).isNull();
    }
  }

  private static void assertDifferences(WithinParticipantComparison.Result result, JsonNode d) {
    List<ParticipantDifference> differences = List.copyOf(result.differences().values());
    assertThat(differences).hasSize(d.size());
    for (int i = 0; i < d.size(); i++) {
      assertClose(differences.get(i).difference(), d.get(i).asDouble());
    }
  }

  static void assertClose(Double actual, double expected) {
    assertThat(actual).isNotNull();
    assertThat(Math.abs(actual - expected))
        .as("%s vs %s", actual, expected)
        .isLessThanOrEqualTo(RELATIVE * Math.abs(expected));
  }

  private static double[] doubles(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).asDouble();
    }
    return values;
  }

  private static JsonNode reference(String resource) {
    try (InputStream in = CrossoverStatisticsTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the reference values", e);
    }
  }
}
