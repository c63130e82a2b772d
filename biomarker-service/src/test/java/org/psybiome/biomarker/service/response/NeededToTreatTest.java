package org.psybiome.biomarker.service.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.ResponseAnalysis.NumberNeededToTreat;
import org.psybiome.biomarker.model.ResponseAnalysis.RiskDifference;

/** NNT from a risk difference and its interval, worked by hand after Altman (BMJ 1998). */
class NeededToTreatTest {

  @Test
  void anIntervalAboveZeroGivesNntBenefitBothWays() {
    // RD 0.25 (0.10, 0.50): NNT 1/0.25 = 4; limits 1/0.50 = 2 and 1/0.10 = 10
    NumberNeededToTreat nnt = NeededToTreat.of(rd(0.25, 0.10, 0.50));
    assertThat(nnt.direction()).isEqualTo("BENEFIT");
    assertThat(nnt.value()).isCloseTo(4.0, within(1e-12));
    assertThat(nnt.ciIncludesInfinity()).isFalse();
    assertThat(nnt.fromRiskDifferenceCiLow().value()).isCloseTo(10.0, within(1e-12));
    assertThat(nnt.fromRiskDifferenceCiHigh().value()).isCloseTo(2.0, within(1e-12));
    assertThat(nnt.statement()).isEqualTo("NNT(benefit) 4.0 (95% CI 2.0 to 10.0)");
  }

  @Test
  void anIntervalBelowZeroGivesNntHarm() {
    // RD −0.20 (−0.40, −0.05): NNT(harm) 5; limits 1/0.40 = 2.5 and 1/0.05 = 20
    NumberNeededToTreat nnt = NeededToTreat.of(rd(-0.20, -0.40, -0.05));
    assertThat(nnt.direction()).isEqualTo("HARM");
    assertThat(nnt.value()).isCloseTo(5.0, within(1e-12));
    assertThat(nnt.fromRiskDifferenceCiLow().direction()).isEqualTo("HARM");
    assertThat(nnt.statement()).isEqualTo("NNT(harm) 5.0 (95% CI 2.5 to 20.0)");
  }

  @Test
  void anIntervalAcrossZeroRunsThroughInfinity() {
    // RD 0.10 (−0.10, 0.30): NNT(benefit) 10, CI NNT(harm) 1/0.10 = 10 to ∞ to NNT(benefit)
    // 1/0.30 = 3.3
    NumberNeededToTreat nnt = NeededToTreat.of(rd(0.10, -0.10, 0.30));
    assertThat(nnt.ciIncludesInfinity()).isTrue();
    assertThat(nnt.fromRiskDifferenceCiLow().direction()).isEqualTo("HARM");
    assertThat(nnt.fromRiskDifferenceCiLow().value()).isCloseTo(10.0, within(1e-12));
    assertThat(nnt.fromRiskDifferenceCiHigh().direction()).isEqualTo("BENEFIT");
    assertThat(nnt.fromRiskDifferenceCiHigh().value()).isCloseTo(1 / 0.3, within(1e-12));
    assertThat(nnt.statement())
        .isEqualTo("NNT(benefit) 10.0 (95% CI NNT(harm) 10.0 to ∞ to NNT(benefit) 3.3)");
  }

  @Test
  void noDifferenceIsAnInfiniteNnt() {
    NumberNeededToTreat nnt = NeededToTreat.of(rd(0.0, -0.2, 0.25));
    assertThat(nnt.value()).isNull();
    assertThat(nnt.direction()).isEqualTo("NONE");
    assertThat(nnt.statement()).isEqualTo("NNT ∞ (95% CI NNT(harm) 5.0 to ∞ to NNT(benefit) 4.0)");
  }

  @Test
  void anUnestimableDifferenceGivesNoNnt() {
    NumberNeededToTreat nnt =
        NeededToTreat.of(
            new RiskDifference(null, null, null, "NEWCOMBE_HYBRID_SCORE", null, null, "x"));
    assertThat(nnt.value()).isNull();
    assertThat(nnt.notEstimableReason()).isNotBlank();
  }

  private static RiskDifference rd(double estimate, double low, double high) {
    return new RiskDifference(estimate, low, high, "NEWCOMBE_HYBRID_SCORE", null, null, null);
  }
}
