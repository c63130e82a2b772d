package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Pocock–Simon minimisation (Pocock and Simon 1975) against simple randomisation over the same
 * simulated participants, and its decision rule on hand-worked states.
 */
class MinimisationSimulationTest {

  private static final List<Factor> FACTORS =
      List.of(
          new Factor("site", List.of("BER", "DUB", "MAD", "OSL")),
          new Factor("sex", List.of("F", "M")),
          new Factor("crp", List.of("LT3", "GE3")));

  private static final List<String> ARMS = List.of("PROBIOTIC", "PLACEBO");

  @Test
  void minimisationKeepsTheMarginsFarBetterBalancedThanSimpleRandomisation() {
    Map<String, Integer> ratio = Map.of("PROBIOTIC", 1, "PLACEBO", 1);
    RandomisationScheme minimised =
        RandomisationScheme.minimisation(
            ARMS, ratio, FACTORS, MinimisationSettings.withProbability(0.8));
    RandomisationScheme simple = RandomisationScheme.simple(ARMS, ratio);

    Result result = simulate(minimised, simple, 500, 100, new SplittableRandom(2024L));
    RandomisationScheme deterministic =
        RandomisationScheme.minimisation(
            ARMS, ratio, FACTORS, MinimisationSettings.withProbability(1.0));
    // the same seed: the same participants
    Result strict = simulate(deterministic, simple, 500, 100, new SplittableRandom(2024L));

    System.out.printf(
        "marginal imbalance over 500 trials of 100 (1:1, 3 factors, 8 levels):"
            + " minimisation p=0.8 mean %.2f max %.1f; p=1 mean %.2f max %.1f;"
            + " simple mean %.2f max %.1f%n",
        result.minimised.mean(),
        result.minimised.max,
        strict.minimised.mean(),
        strict.minimised.max,
        result.simple.mean(),
        result.simple.max);
    // Printed: p=0.8 mean 10.64 (max 24), p=1 mean 5.72 (max 14), simple 38.92 (max 96).
    // Simple's mean agrees with the normal approximation E|n_A - n_B| ≈ sqrt(2n/pi) for a level of
    // n participants, summed over the levels (25 per site, 50 per sex, 60 and 40 by CRP):
    // 4 sqrt(50/pi) + 2 sqrt(100/pi) + sqrt(120/pi) + sqrt(80/pi) ≈ 15.96 + 11.28 + 6.18 + 5.05
    // ≈ 38.5. Asserted: minimisation's mean below a third of simple's (0.27 printed), its worst
    // trial below half of simple's worst (0.25), and p = 1 better balanced than p = 0.8.
    assertThat(result.minimised.mean()).isLessThan(result.simple.mean() / 3);
    assertThat(result.minimised.max).isLessThan(result.simple.max / 2);
    assertThat(strict.minimised.mean()).isLessThan(result.minimised.mean());
  }

  @Test
  void ratioWeightsAreHonouredWhenTheImbalanceIsMeasured() {
    // 2:1: imbalance counts PROBIOTIC / 2 against PLACEBO / 1
    Map<String, Integer> ratio = Map.of("PROBIOTIC", 2, "PLACEBO", 1);
    RandomisationScheme minimised =
        RandomisationScheme.minimisation(
            ARMS, ratio, FACTORS, MinimisationSettings.withProbability(0.8));
    RandomisationScheme simple = RandomisationScheme.simple(ARMS, ratio);

    Result result = simulate(minimised, simple, 500, 99, new SplittableRandom(2025L));

    double share = (double) result.minimisedArmCounts.get("PROBIOTIC") / (500 * 99);
    System.out.printf(
        "2:1, weighted marginal imbalance over 500 trials of 99: minimisation mean %.2f max %.1f;"
            + " simple mean %.2f max %.1f; minimisation's share of PROBIOTIC %.4f (2/3 = 0.6667)%n",
        result.minimised.mean(),
        result.minimised.max,
        result.simple.mean(),
        result.simple.max,
        share);
    // Printed: minimisation mean 9.69 (max 40.5), simple 27.81 (max 67.5), share 0.6574. Weighted
    // minimisation balances less well than at 1:1 (n_A = 2 n_B is reachable at a level only when
    // its size is a multiple of 3), and its share of the heavier arm falls short of 2/3 by about
    // 4 binomial SEs (0.0021 over 49 500 allocations): minimisation with unequal ratios does not
    // keep the ratio exactly; the integrator should know. Asserted: mean below half of simple's,
    // share within 0.02 of 2/3.
    assertThat(result.minimised.mean()).isLessThan(result.simple.mean() / 2);
    assertThat(share).isCloseTo(2.0 / 3, within(0.02));
  }

  @Test
  void theImbalanceIfAssignedIsWorkedOutAsPocockAndSimonDescribe() {
    // 2:1, factor weights sex 1, site 2. So far PROBIOTIC (weight 2) has F 2, M 2, BER 3, DUB 1;
    // PLACEBO (weight 1) has F 1, M 1, BER 0, DUB 2. The new participant is F at BER.
    // To PROBIOTIC: sex F  (2+1)/2 = 1.5 vs 1/1 = 1 → range 0.5; site BER (3+1)/2 = 2 vs 0 → 2;
    //   G = 1 × 0.5 + 2 × 2 = 4.5. Variance of two values is (range / 2)²: 0.0625 + 2 × 1 = 2.0625
    // To PLACEBO: sex F 2/2 = 1 vs (1+1) = 2 → range 1; site BER 3/2 = 1.5 vs 1 → 0.5;
    //   G = 1 + 2 × 0.5 = 2. Variance: 0.25 + 2 × 0.0625 = 0.375
    List<Factor> factors =
        List.of(new Factor("sex", List.of("F", "M")), new Factor("site", List.of("BER", "DUB")));
    MinimisationState state =
        new MinimisationState(
            Map.of(
                "PROBIOTIC",
                    Map.of("sex", Map.of("F", 2, "M", 2), "site", Map.of("BER", 3, "DUB", 1)),
                "PLACEBO",
                    Map.of("sex", Map.of("F", 1, "M", 1), "site", Map.of("BER", 0, "DUB", 2))));
    Map<String, String> participant = Map.of("sex", "F", "site", "BER");
    Map<String, Integer> ratio = Map.of("PROBIOTIC", 2, "PLACEBO", 1);

    for (ImbalanceMeasure measure : ImbalanceMeasure.values()) {
      RandomisationScheme scheme =
          RandomisationScheme.minimisation(
              ARMS, ratio, factors, new MinimisationSettings(measure, Map.of("site", 2.0), 1.0));
      MinimisationAllocation allocation =
          Allocator.minimise(scheme, state, participant, new SplittableRandom(1L));
      Map<String, Double> expected =
          measure == ImbalanceMeasure.RANGE
              ? Map.of("PROBIOTIC", 4.5, "PLACEBO", 2.0)
              : Map.of("PROBIOTIC", 2.0625, "PLACEBO", 0.375);
      assertThat(allocation.imbalanceIfAssigned()).as(measure.name()).isEqualTo(expected);
      assertThat(allocation.preferred()).containsExactly("PLACEBO");
      assertThat(allocation.arm()).isEqualTo("PLACEBO");
      assertThat(allocation.state().count("PLACEBO", "sex", "F")).isEqualTo(2);
      assertThat(allocation.state().count("PLACEBO", "site", "BER")).isEqualTo(1);
      assertThat(allocation.state().count("PROBIOTIC", "site", "BER")).isEqualTo(3);
    }
  }

  @Test
  void rangeAndVarianceCanPreferDifferentArms() {
    // three arms 1:1:1, two factors; counts (A, B, C) at the participant's levels: f1 (2, 0, 0),
    // f2 (0, 1, 1).
    // To A: f1 (3,0,0) range 3, f2 (1,1,1) range 0 → 3; variance 2 + 0 = 2
    // To B: f1 (2,1,0) range 2, f2 (0,2,1) range 2 → 4; variance 2/3 + 2/3 = 4/3
    // To C: f1 (2,0,1) range 2, f2 (0,1,2) range 2 → 4; variance 4/3
    List<Factor> factors =
        List.of(new Factor("f1", List.of("x", "y")), new Factor("f2", List.of("x", "y")));
    MinimisationState state =
        new MinimisationState(
            Map.of(
                "A", Map.of("f1", Map.of("x", 2), "f2", Map.of("x", 0)),
                "B", Map.of("f1", Map.of("x", 0), "f2", Map.of("x", 1)),
                "C", Map.of("f1", Map.of("x", 0), "f2", Map.of("x", 1))));
    Map<String, String> participant = Map.of("f1", "x", "f2", "x");
    Map<String, Integer> ratio = Map.of("A", 1, "B", 1, "C", 1);

    MinimisationAllocation byRange =
        Allocator.minimise(
            RandomisationScheme.minimisation(
                List.of("A", "B", "C"), ratio, factors, MinimisationSettings.withProbability(1.0)),
            state,
            participant,
            new SplittableRandom(1L));
    MinimisationAllocation byVariance =
        Allocator.minimise(
            RandomisationScheme.minimisation(
                List.of("A", "B", "C"),
                ratio,
                factors,
                new MinimisationSettings(ImbalanceMeasure.VARIANCE, null, 1.0)),
            state,
            participant,
            new SplittableRandom(1L));

    assertThat(byRange.imbalanceIfAssigned()).isEqualTo(Map.of("A", 3.0, "B", 4.0, "C", 4.0));
    assertThat(byRange.preferred()).containsExactly("A");
    assertThat(byVariance.imbalanceIfAssigned())
        .hasEntrySatisfying("A", g -> assertThat(g).isCloseTo(2.0, within(1e-12)))
        .hasEntrySatisfying("B", g -> assertThat(g).isCloseTo(4.0 / 3, within(1e-12)))
        .hasEntrySatisfying("C", g -> assertThat(g).isCloseTo(4.0 / 3, within(1e-12)));
    assertThat(byVariance.preferred()).containsExactly("B", "C");
  }

  @Test
  void withProbabilityOneOnlyTiesAreLeftToChance() {
    RandomisationScheme scheme =
        RandomisationScheme.minimisation(
            ARMS,
            Map.of("PROBIOTIC", 1, "PLACEBO", 1),
            FACTORS,
            MinimisationSettings.withProbability(1.0));
    SplittableRandom seeds = new SplittableRandom(3L);
    Map<String, Integer> firstArms = new HashMap<>();
    long decided = 0;
    for (int trial = 0; trial < 200; trial++) {
      RandomGenerator people = new SplittableRandom(seeds.nextLong());
      RandomGenerator random = new SplittableRandom(seeds.nextLong());
      MinimisationState state = MinimisationState.empty(scheme);
      for (int i = 0; i < 100; i++) {
        MinimisationAllocation allocation =
            Allocator.minimise(scheme, state, participant(people), random);
        if (allocation.preferred().size() == 1) {
          assertThat(allocation.arm()).isEqualTo(allocation.preferred().get(0));
          decided++;
        } else {
          assertThat(allocation.preferred()).contains(allocation.arm());
        }
        if (i == 0) {
          firstArms.merge(allocation.arm(), 1, Integer::sum);
        }
        state = allocation.state();
      }
    }
    System.out.printf(
        "p = 1: %d of 20000 decisions had one preferred arm; the first participants (a tie):"
            + " %s%n",
        decided, firstArms);
    // the first participant of every trial is a tie: both arms must occur
    assertThat(firstArms).containsOnlyKeys(ARMS).allSatisfy((arm, n) -> assertThat(n).isPositive());
    assertThat(decided).isPositive();
  }

  @Test
  void thePreferredArmIsTakenWithProbabilityP() {
    RandomisationScheme scheme =
        RandomisationScheme.minimisation(
            List.of("A", "B", "C"),
            Map.of("A", 1, "B", 1, "C", 1),
            FACTORS,
            MinimisationSettings.withProbability(0.8));
    SplittableRandom seeds = new SplittableRandom(4L);
    long choices = 0;
    long preferred = 0;
    for (int trial = 0; trial < 300; trial++) {
      RandomGenerator people = new SplittableRandom(seeds.nextLong());
      RandomGenerator random = new SplittableRandom(seeds.nextLong());
      MinimisationState state = MinimisationState.empty(scheme);
      for (int i = 0; i < 60; i++) {
        MinimisationAllocation allocation =
            Allocator.minimise(scheme, state, participant(people), random);
        if (allocation.preferred().size() < 3) {
          choices++;
          preferred += allocation.preferred().contains(allocation.arm()) ? 1 : 0;
        }
        state = allocation.state();
      }
    }
    double rate = (double) preferred / choices;
    // each such decision is an independent coin with P(preferred) = 0.8: binomial SE
    double se = Math.sqrt(0.8 * 0.2 / choices);
    System.out.printf(
        "p = 0.8: preferred arm taken in %d of %d decisions (%.4f, SE %.4f)%n",
        preferred, choices, rate, se);
    assertThat(rate).isCloseTo(0.8, within(4 * se));
  }

  private record Imbalances(double sum, double max, int trials) {
    double mean() {
      return sum / trials;
    }
  }

  private record Result(
      Imbalances minimised, Imbalances simple, Map<String, Integer> minimisedArmCounts) {}

  /** The same participants allocated by minimisation and by simple randomisation. */
  private static Result simulate(
      RandomisationScheme minimised,
      RandomisationScheme simple,
      int trials,
      int size,
      SplittableRandom seeds) {
    double minimisedSum = 0;
    double minimisedMax = 0;
    double simpleSum = 0;
    double simpleMax = 0;
    Map<String, Integer> minimisedArms = new HashMap<>();
    for (int trial = 0; trial < trials; trial++) {
      RandomGenerator people = new SplittableRandom(seeds.nextLong());
      List<Map<String, String>> participants = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        participants.add(participant(people));
      }
      MinimisationState state = MinimisationState.empty(minimised);
      List<String> minimisedAllocation = new ArrayList<>();
      RandomGenerator random = new SplittableRandom(seeds.nextLong());
      for (Map<String, String> participant : participants) {
        MinimisationAllocation allocation =
            Allocator.minimise(minimised, state, participant, random);
        minimisedAllocation.add(allocation.arm());
        minimisedArms.merge(allocation.arm(), 1, Integer::sum);
        state = allocation.state();
      }
      AllocationSequence sequence =
          SequenceGenerator.generate(simple, size, new SplittableRandom(seeds.nextLong()));
      SequenceUse use = SequenceUse.none();
      List<String> simpleAllocation = new ArrayList<>();
      for (Map<String, String> participant : participants) {
        SlotAllocation allocation = Allocator.next(simple, sequence, use, Map.of());
        simpleAllocation.add(allocation.slot().arm());
        use = allocation.use();
      }
      double m = marginalImbalance(minimised, participants, minimisedAllocation);
      double s = marginalImbalance(minimised, participants, simpleAllocation);
      minimisedSum += m;
      simpleSum += s;
      minimisedMax = Math.max(minimisedMax, m);
      simpleMax = Math.max(simpleMax, s);
    }
    return new Result(
        new Imbalances(minimisedSum, minimisedMax, trials),
        new Imbalances(simpleSum, simpleMax, trials),
        minimisedArms);
  }

  /**
   * Sum over factors and levels of |n_A / w_A − n_B / w_B|, tallied here from the allocations
   * rather than read from the engine's state.
   */
  private static double marginalImbalance(
      RandomisationScheme scheme, List<Map<String, String>> participants, List<String> arms) {
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < participants.size(); i++) {
      for (Map.Entry<String, String> level : participants.get(i).entrySet()) {
        counts.merge(arms.get(i) + "/" + level.getKey() + "=" + level.getValue(), 1, Integer::sum);
      }
    }
    String a = scheme.arms().get(0);
    String b = scheme.arms().get(1);
    double sum = 0;
    for (Factor factor : FACTORS) {
      for (String level : factor.levels()) {
        String key = "/" + factor.name() + "=" + level;
        sum +=
            Math.abs(
                (double) counts.getOrDefault(a + key, 0) / scheme.weightOf(a)
                    - (double) counts.getOrDefault(b + key, 0) / scheme.weightOf(b));
      }
    }
    return sum;
  }

  /** Four sites alike, sexes alike, CRP below 3 mg/L in 60 %. */
  private static Map<String, String> participant(RandomGenerator people) {
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put("site", FACTORS.get(0).levels().get(people.nextInt(4)));
    levels.put("sex", people.nextBoolean() ? "F" : "M");
    levels.put("crp", people.nextDouble() < 0.6 ? "LT3" : "GE3");
    return levels;
  }
}
