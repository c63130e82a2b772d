package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * How well an investigator who knows every past allocation can guess the next one (selection bias),
 * with the convergence strategy of Blackwell and Hodges (1957, Ann. Math. Statist. 28: 449–460), as
 * Rosenberger and Lachin discuss it in "Randomization in Clinical Trials: Theory and Practice"
 * (Wiley): guess the arm with fewer allocations so far in the stratum, a coin on a tie.
 *
 * <p>The guesser counts from the start of the stratum. Every block ends in balance, so these counts
 * differ exactly as the current block's do: the guesser who knows where blocks begin (fixed size)
 * guesses no better, and one who does not (random sizes) guesses no worse, than by the current
 * block's counts.
 *
 * <p>Exact expectation for a fixed block of 4 at 1:1 (2 A, 2 B), over its C(4,2) = 6 equally likely
 * arrangements AABB, ABAB, ABBA, BAAB, BABA, BBAA:
 *
 * <ul>
 *   <li>guess 1: a tie, the coin is right with probability 1/2;
 *   <li>guess 2: the guess is the arm not yet seen, and 2 of the 3 remaining are that arm: 2/3;
 *   <li>guess 3: after AB or BA (4 arrangements of 6) a tie again, 1/2; after AA or BB (2 of 6) the
 *       other arm is certain, 1: 4/6 × 1/2 + 2/6 × 1 = 2/3;
 *   <li>guess 4: the last is always determined: 1.
 * </ul>
 *
 * Per block 1/2 + 2/3 + 2/3 + 1 = 17/6 correct of 4 guesses, a rate of 17/24 ≈ 0.7083 (by
 * arrangement: AABB and BBAA give 2.5 each, the other four 3 each, 17 in all over 6). It agrees
 * with the closed form b + (2^{2b} / C(2b, b) − 1) / 2 correct guesses per block of 2b, which gives
 * 3/2 for blocks of 2 and 41/10 for blocks of 6. Blocks of 2, 4 or 6, each size a third of the
 * time, give (3/2 + 17/6 + 41/10) / (2 + 4 + 6) = 253/360 ≈ 0.7028 correct guesses per allocation
 * (a renewal-reward average: the expected correct per block over the expected block size). Simple
 * randomisation at 1:1 makes every guess a coin: 1/2.
 *
 * <p>So random block sizes lower the rate only a little against this guesser: the simulation
 * printed 0.7031 against 0.7081 for fixed blocks of 4 (binomial SE of the difference about 0.0009),
 * and 0.4993 for simple randomisation. What random sizes take away is the certainty at the end of a
 * block that a guesser who knows the block size has.
 */
class PredictabilityTest {

  private static final List<String> ARMS = List.of("A", "B");
  private static final Map<String, Integer> ONE_TO_ONE = Map.of("A", 1, "B", 1);
  private static final int TRIALS = 2000;
  private static final int SIZE = 240;

  @Test
  void theConvergenceStrategyAgainstFixedAndRandomBlocksAndSimpleRandomisation() {
    Rate fixed = guess(RandomisationScheme.permutedBlocks(ARMS, ONE_TO_ONE, List.of(2)), 31L);
    Rate varying =
        guess(RandomisationScheme.permutedBlocks(ARMS, ONE_TO_ONE, List.of(1, 2, 3)), 32L);
    Rate simple = guess(RandomisationScheme.simple(ARMS, ONE_TO_ONE), 33L);

    double fixedExpected = 17.0 / 24;
    double varyingExpected = 253.0 / 360;
    System.out.printf(
        "convergence strategy, %d trials of %d: fixed blocks of 4 %s (exact 17/24 = %.4f);"
            + " blocks of 2/4/6 %s (exact 253/360 = %.4f); simple %s (exact 0.5)%n",
        TRIALS, SIZE, fixed, fixedExpected, varying, varyingExpected, simple);

    assertThat(fixed.rate()).isCloseTo(fixedExpected, within(4 * fixed.se(fixedExpected)));
    assertThat(varying.rate()).isCloseTo(varyingExpected, within(4 * varying.se(varyingExpected)));
    assertThat(simple.rate()).isCloseTo(0.5, within(4 * simple.se(0.5)));
    assertThat(varying.rate()).isLessThan(fixed.rate());
    assertThat(simple.rate()).isLessThan(varying.rate());
  }

  /**
   * @param correct correct guesses
   * @param guesses all guesses
   * @param trialSe the standard error of the rate from its spread over the simulated trials, which,
   *     unlike the binomial one, allows for guesses in one block not being independent
   */
  private record Rate(long correct, long guesses, double trialSe) {
    double rate() {
      return (double) correct / guesses;
    }

    /** The larger of the binomial SE at the expected rate and the between-trials SE. */
    double se(double expected) {
      return Math.max(Math.sqrt(expected * (1 - expected) / guesses), trialSe);
    }

    @Override
    public String toString() {
      return String.format(
          "%.4f (%d of %d, binomial SE %.5f, between-trials SE %.5f)",
          rate(), correct, guesses, Math.sqrt(rate() * (1 - rate()) / guesses), trialSe);
    }
  }

  private static Rate guess(RandomisationScheme scheme, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed);
    RandomGenerator coin = new SplittableRandom(seeds.nextLong());
    long correct = 0;
    long guesses = 0;
    double sumOfRates = 0;
    double sumOfSquaredRates = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      AllocationSequence sequence =
          SequenceGenerator.generate(scheme, SIZE, new SplittableRandom(seeds.nextLong()));
      List<AllocationSlot> slots = sequence.slotsOf(RandomisationScheme.UNSTRATIFIED);
      int a = 0;
      int b = 0;
      int right = 0;
      for (AllocationSlot slot : slots) {
        String guess = a < b ? "A" : b < a ? "B" : coin.nextBoolean() ? "A" : "B";
        right += guess.equals(slot.arm()) ? 1 : 0;
        a += slot.arm().equals("A") ? 1 : 0;
        b += slot.arm().equals("B") ? 1 : 0;
      }
      correct += right;
      guesses += slots.size();
      double rate = (double) right / slots.size();
      sumOfRates += rate;
      sumOfSquaredRates += rate * rate;
    }
    double mean = sumOfRates / TRIALS;
    double variance = (sumOfSquaredRates - TRIALS * mean * mean) / (TRIALS - 1);
    return new Rate(correct, guesses, Math.sqrt(variance / TRIALS));
  }
}
