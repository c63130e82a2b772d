package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.RandomisationMethod;

/** Each rule of a scheme and of a participant's levels, broken once on its own. */
class SchemeRulesTest {

  private static final List<String> ARMS = List.of("PROBIOTIC", "PLACEBO");
  private static final Map<String, Integer> TWO_TO_ONE = Map.of("PROBIOTIC", 2, "PLACEBO", 1);
  private static final Factor SITE = new Factor("site", List.of("BER", "DUB"));
  private static final Factor CRP = new Factor("crp", List.of("LT3", "GE3"));

  @Test
  void wellFormedSchemesOfEveryMethodBreakNoRule() {
    assertThat(SchemeRules.check(RandomisationScheme.simple(ARMS, TWO_TO_ONE))).isEmpty();
    assertThat(
            SchemeRules.check(
                RandomisationScheme.permutedBlocks(ARMS, TWO_TO_ONE, List.of(1, 2, 3))))
        .isEmpty();
    assertThat(
            SchemeRules.check(
                RandomisationScheme.stratifiedBlocks(
                    ARMS, TWO_TO_ONE, List.of(2), List.of(SITE, CRP))))
        .isEmpty();
    assertThat(
            SchemeRules.check(
                RandomisationScheme.minimisation(
                    ARMS,
                    TWO_TO_ONE,
                    List.of(SITE, CRP),
                    new MinimisationSettings(ImbalanceMeasure.VARIANCE, Map.of("site", 2.0), 1.0))))
        .isEmpty();
    // crossover: the "arms" are treatment sequences
    assertThat(
            SchemeRules.check(
                RandomisationScheme.permutedBlocks(
                    List.of("ABAB", "BABA"), Map.of("ABAB", 1, "BABA", 1), List.of(1, 2))))
        .isEmpty();
  }

  @Test
  void everyArmHasAWeightOfAtLeastOneAndTheWeightsNameNoOtherArm() {
    Map<String, Integer> ratio = new LinkedHashMap<>();
    ratio.put("PROBIOTIC", 0);
    ratio.put("SYNBIOTIC", 1);
    assertThat(SchemeRules.check(RandomisationScheme.simple(ARMS, ratio)))
        .containsExactly(
            Violation.of("ratio.PROBIOTIC", "must be a whole number of at least 1"),
            Violation.of("ratio.PLACEBO", "is required: every arm needs a weight"),
            Violation.of("ratio.SYNBIOTIC", "is not an arm of the scheme"));
  }

  @Test
  void armCodesAreCodesUsedOnceAndThereAreAtLeastTwo() {
    assertThat(
            SchemeRules.check(
                RandomisationScheme.simple(
                    Arrays.asList("A", "A", "A|B", null), Map.of("A", 1, "A|B", 1))))
        .containsExactly(
            Violation.of("arms[1]", "is used twice"),
            Violation.of("arms[2]", "must be 1 to 40 letters, digits, '_', '.' or '-'"),
            Violation.of("arms[3]", "must be 1 to 40 letters, digits, '_', '.' or '-'"),
            Violation.of("ratio.A|B", "is not an arm of the scheme"));
    assertThat(SchemeRules.check(RandomisationScheme.simple(List.of("A"), Map.of("A", 1))))
        .containsExactly(Violation.of("arms", "must name at least 2 arms"));
  }

  @Test
  void blockDesignsNeedPositiveDistinctMultipliers() {
    assertThat(SchemeRules.check(RandomisationScheme.permutedBlocks(ARMS, TWO_TO_ONE, List.of())))
        .containsExactly(
            Violation.of("blockMultipliers", "must name at least one block multiplier"));
    assertThat(
            SchemeRules.check(
                RandomisationScheme.permutedBlocks(
                    ARMS, TWO_TO_ONE, Arrays.asList(0, -2, 2, 2, null))))
        .containsExactly(
            Violation.of("blockMultipliers[0]", "must be a whole number of at least 1"),
            Violation.of("blockMultipliers[1]", "must be a whole number of at least 1"),
            Violation.of("blockMultipliers[3]", "is used twice"),
            Violation.of("blockMultipliers[4]", "must be a whole number of at least 1"));
    assertThat(
            SchemeRules.check(
                RandomisationScheme.stratifiedBlocks(ARMS, TWO_TO_ONE, null, List.of(SITE))))
        .containsExactly(
            Violation.of("blockMultipliers", "must name at least one block multiplier"));
  }

  @Test
  void factorsHaveNamesUsedOnceAndAtLeastTwoLevelsUsedOnce() {
    List<Factor> factors =
        Arrays.asList(
            new Factor("site", List.of()),
            new Factor("site", List.of("BER", "DUB", "BER")),
            new Factor("crp=", List.of("LT3", "GE3")),
            new Factor("sex", List.of("F")),
            null);
    assertThat(
            SchemeRules.check(
                RandomisationScheme.stratifiedBlocks(ARMS, TWO_TO_ONE, List.of(1), factors)))
        .containsExactly(
            Violation.of("factors[0].levels", "must name at least 2 levels"),
            Violation.of("factors[1].name", "is used twice"),
            Violation.of("factors[1].levels[2]", "is used twice"),
            Violation.of("factors[2].name", "must be 1 to 40 letters, digits, '_', '.' or '-'"),
            Violation.of("factors[3].levels", "must name at least 2 levels"),
            Violation.of("factors[4]", "is required"));
    assertThat(
            SchemeRules.check(
                RandomisationScheme.stratifiedBlocks(ARMS, TWO_TO_ONE, List.of(1), List.of())))
        .containsExactly(Violation.of("factors", "must name at least one factor"));
  }

  @Test
  void minimisationNeedsAProbabilityAboveOneHalfAndWeightsOfItsOwnFactors() {
    for (double p : new double[] {0.5, 0.3, 1.01, Double.NaN}) {
      assertThat(
              SchemeRules.check(
                  RandomisationScheme.minimisation(
                      ARMS, TWO_TO_ONE, List.of(SITE), MinimisationSettings.withProbability(p))))
          .as("p = %s", p)
          .containsExactly(
              Violation.of("minimisation.probability", "must be above 0.5 and at most 1"));
    }
    Map<String, Double> weights = new HashMap<>();
    weights.put("site", 0.0);
    weights.put("crp", 1.0);
    weights.put("site2", 1.0);
    assertThat(
            SchemeRules.check(
                RandomisationScheme.minimisation(
                    ARMS,
                    TWO_TO_ONE,
                    List.of(SITE, CRP),
                    new MinimisationSettings(null, weights, 0.8))))
        .containsExactly(
            Violation.of("minimisation.factorWeights.site", "must be a positive number"),
            Violation.of("minimisation.factorWeights.site2", "is not a factor of the scheme"));
    assertThat(
            SchemeRules.check(
                RandomisationScheme.minimisation(ARMS, TWO_TO_ONE, List.of(SITE), null)))
        .containsExactly(Violation.of("minimisation", "is required by MINIMISATION"));
  }

  @Test
  void aSchemeSaysNothingItsMethodDoesNotUse() {
    assertThat(
            SchemeRules.check(
                new RandomisationScheme(
                    RandomisationMethod.SIMPLE,
                    ARMS,
                    TWO_TO_ONE,
                    List.of(1),
                    List.of(SITE),
                    MinimisationSettings.withProbability(0.8))))
        .containsExactly(
            Violation.of("blockMultipliers", "are not used by SIMPLE"),
            Violation.of("factors", "are not used by SIMPLE"),
            Violation.of("minimisation", "is not used by SIMPLE"));
    assertThat(SchemeRules.check(new RandomisationScheme(null, ARMS, TWO_TO_ONE, null, null, null)))
        .containsExactly(Violation.of("method", "is required"));
  }

  @Test
  void aParticipantGivesALevelOfEveryFactorAndNoOtherFactor() {
    RandomisationScheme scheme =
        RandomisationScheme.stratifiedBlocks(ARMS, TWO_TO_ONE, List.of(1), List.of(SITE, CRP));
    assertThat(SchemeRules.checkParticipant(scheme, Map.of("site", "DUB", "crp", "GE3"))).isEmpty();
    assertThat(SchemeRules.checkParticipant(scheme, Map.of("site", "MAD", "sex", "F")))
        .containsExactly(
            Violation.of("strata.site", "must be one of BER, DUB"),
            Violation.of("strata.crp", "is required"),
            Violation.of("strata.sex", "is not a factor of the scheme"));
    // an unstratified design takes no levels
    assertThat(
            SchemeRules.checkParticipant(
                RandomisationScheme.permutedBlocks(ARMS, TWO_TO_ONE, List.of(1)),
                Map.of("site", "BER")))
        .containsExactly(Violation.of("strata.site", "is not a factor of the scheme"));
  }
}
