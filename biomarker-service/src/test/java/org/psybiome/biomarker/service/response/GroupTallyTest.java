package org.psybiome.biomarker.service.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.ResponseAnalysis.Group;
import org.psybiome.common.problem.ProblemException;

/** Who is a responder, a remitter, missing or not evaluable; counted by hand. */
class GroupTallyTest {

  private static final ResponseCriteria HAMD =
      ResponseCriteria.of(null, null, Optional.of(BigDecimal.valueOf(7)));

  @Test
  void fiftyPercentExactlyIsAResponseAndSevenIsRemission() {
    // 22 → 11: (22 − 11) × 100 = 1100 ≥ 50 × 22 = 1100, a responder; 11 > 7, no remission
    // 23 → 12: 1100 < 1150, not a responder
    // 14 → 7: 700 ≥ 700, a responder; 7 ≤ 7, a remitter
    // 30 → 21: reduction 30 % at responseReduction=30: 900 ≥ 900 (in binary 9/30·100 rounds)
    assertThat(HAMD.responder(bd(22), bd(11))).isTrue();
    assertThat(HAMD.responder(bd(23), bd(12))).isFalse();
    assertThat(HAMD.responder(bd(14), bd(7))).isTrue();
    assertThat(HAMD.remitter(bd(7))).isTrue();
    assertThat(HAMD.remitter(new BigDecimal("7.5"))).isFalse();
    ResponseCriteria thirty = ResponseCriteria.of("30", null, Optional.empty());
    assertThat(thirty.responder(bd(30), bd(21))).isTrue();
    assertThat(thirty.hasRemission()).isFalse();
  }

  @Test
  void eachParticipantIsCountedOnceAndBaselineZeroIsNotEvaluable() {
    List<ParticipantScores> arm =
        List.of(
            new ParticipantScores(bd(20), bd(6), false), // responder, remitter
            new ParticipantScores(bd(20), bd(12), false), // neither
            new ParticipantScores(bd(18), bd(9), true), // responder (included late), not ≤ 7
            new ParticipantScores(bd(0), bd(3), false), // not evaluable; remitter
            new ParticipantScores(bd(20), null, true), // missing at the visit (excluded late)
            new ParticipantScores(null, bd(5), false), // missing baseline; remitter
            ParticipantScores.NONE); // missing both
    Group group = GroupTally.of(arm, HAMD).group(true);
    assertThat(group.nAllocated()).isEqualTo(7);
    assertThat(group.nEvaluable()).isEqualTo(3);
    assertThat(group.nNotEvaluable()).isEqualTo(1);
    assertThat(group.notEvaluable().get(0).reason()).isEqualTo("BASELINE_ZERO");
    assertThat(group.nMissingVisit()).isEqualTo(2);
    assertThat(group.nMissingBaseline()).isEqualTo(2);
    assertThat(group.nMissingBoth()).isEqualTo(1);
    assertThat(group.nOutOfWindow()).isEqualTo(2);
    // 7 = 3 + 1 + 2 + 2 − 1
    assertThat(group.response().completeCase().events()).isEqualTo(2);
    assertThat(group.response().completeCase().n()).isEqualTo(3);
    assertThat(group.response().missingAsNonResponder().n()).isEqualTo(7);
    // remission of those with a score at the visit: 6, 3, 5 of 20→6, 20→12, 18→9, 0→3, null→5
    assertThat(group.remission().completeCase().events()).isEqualTo(3);
    assertThat(group.remission().completeCase().n()).isEqualTo(5);
    assertThat(group.remission().missingAsNonResponder().n()).isEqualTo(7);
  }

  @Test
  void anEmptyArmHasNoRate() {
    Group group = GroupTally.of(List.of(), HAMD).group(false);
    assertThat(group.response().completeCase().rate()).isNull();
    assertThat(group.response().completeCase().clopperPearson()).isNull();
    assertThat(group.remission()).isNull();
  }

  @Test
  void parametersAreCheckedAndTheRequestOverridesTheCatalogue() {
    assertThatThrownBy(() -> ResponseCriteria.of("0", null, Optional.empty()))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ResponseCriteria.of("101", null, Optional.empty()))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ResponseCriteria.of("half", null, Optional.empty()))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(() -> ResponseCriteria.of(null, "low", Optional.empty()))
        .isInstanceOf(ProblemException.class);
    ResponseCriteria asked = ResponseCriteria.of("50", "12", Optional.of(bd(10)));
    assertThat(asked.remissionMax()).isEqualByComparingTo("12");
    assertThat(asked.remissionSource()).isEqualTo("REQUEST");
    assertThat(HAMD.remissionSource()).isEqualTo("CATALOGUE");
  }

  private static BigDecimal bd(int value) {
    return BigDecimal.valueOf(value);
  }
}
