package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Properties of permuted-block sequences over many simulated trials with randomly drawn schemes:
 * every block is a permutation of multiplier × weight of each arm, of an allowed size; every
 * stratum is exactly in ratio at every block end; the shuffle is uniform.
 */
class PermutedBlocksPropertyTest {

  private static final List<List<String>> ARM_SETS =
      List.of(
          List.of("A", "B"),
          List.of("A", "B", "C"),
          List.of("PLACEBO", "L-RHAMNOSUS", "B-LONGUM", "COMBINED"),
          // crossover and N-of-1 designs allocate treatment sequences, not arms
          List.of("AB", "BA"),
          List.of("ABAB", "BABA"));

  @Test
  void overTwoThousandTrialsEveryBlockEndIsExactlyInRatio() {
    SplittableRandom schemes = new SplittableRandom(20240501L);
    long slots = 0;
    long blocks = 0;
    for (int trial = 0; trial < 2000; trial++) {
      RandomisationScheme scheme = randomScheme(schemes);
      int requested = 1 + schemes.nextInt(60);
      AllocationSequence sequence =
          SequenceGenerator.generate(scheme, requested, new SplittableRandom(schemes.nextLong()));

      assertThat(sequence.strata().keySet()).containsExactlyElementsOf(scheme.strata());
      Map<String, Integer> trialCounts = new HashMap<>();
      for (String stratum : scheme.strata()) {
        List<AllocationSlot> stratumSlots = sequence.slotsOf(stratum);
        blocks += checkStratum(scheme, stratum, stratumSlots, requested);
        stratumSlots.forEach(s -> trialCounts.merge(s.arm(), 1, Integer::sum));
        slots += stratumSlots.size();
      }
      // every stratum ends at a block end, so the whole trial is in ratio too
      assertProportional(scheme, trialCounts, "trial " + trial);
    }
    System.out.printf(
        "permuted blocks: 2000 simulated trials, %d blocks, %d slots, all in ratio%n",
        blocks, slots);
  }

  @Test
  void theBlockSizeIsDrawnUniformlyFromTheAllowedOnes() {
    // 1:1 with multipliers {1, 2, 3}: blocks of 2, 4 and 6, each a third of the time
    RandomisationScheme scheme =
        RandomisationScheme.permutedBlocks(
            List.of("A", "B"), Map.of("A", 1, "B", 1), List.of(1, 2, 3));
    long[] bySize = new long[3];
    SplittableRandom seeds = new SplittableRandom(7L);
    for (int trial = 0; trial < 2000; trial++) {
      AllocationSequence sequence =
          SequenceGenerator.generate(scheme, 40, new SplittableRandom(seeds.nextLong()));
      sequence.slots().stream()
          .filter(s -> s.position() == 1 || isFirstOfBlock(sequence, s))
          .forEach(s -> bySize[s.blockSize() / 2 - 1]++);
    }
    long total = bySize[0] + bySize[1] + bySize[2];
    double[] expected = {total / 3.0, total / 3.0, total / 3.0};
    double chi2 = ChiSquared.statistic(bySize, expected);
    System.out.printf(
        "block sizes 2/4/6: %d/%d/%d of %d blocks, chi-squared %.2f (df 2)%n",
        bySize[0], bySize[1], bySize[2], total, chi2);
    assertThat(chi2).isLessThan(ChiSquared.critical(2, 0.001));
  }

  @Test
  void theShuffleMakesEveryArrangementOfABlockEquallyLikely() {
    // a block of 4 with 1:1 is one of C(4,2) = 6 arrangements; of 3 with 2:1, one of 3
    assertUniformArrangements(List.of("A", "B"), Map.of("A", 1, "B", 1), List.of(2), 6);
    assertUniformArrangements(List.of("A", "B"), Map.of("A", 2, "B", 1), List.of(1), 3);
    // Fisher–Yates itself: 4 distinct items, 4! = 24 orders
    Map<String, Long> orders = new TreeMap<>();
    RandomGenerator random = new SplittableRandom(99L);
    for (int i = 0; i < 120_000; i++) {
      List<String> items = new ArrayList<>(List.of("1", "2", "3", "4"));
      SequenceGenerator.shuffle(items, random);
      orders.merge(String.join("", items), 1L, Long::sum);
    }
    assertUniform(orders, 24, "orders of 4 distinct items");
  }

  @Test
  void anExtendedStratumGoesOnWithWholeBlocksNumberedOn() {
    RandomisationScheme scheme =
        RandomisationScheme.stratifiedBlocks(
            List.of("A", "B"),
            Map.of("A", 2, "B", 1),
            List.of(1, 2),
            List.of(new Factor("site", List.of("BER", "DUB"))));
    SplittableRandom seeds = new SplittableRandom(11L);
    for (int trial = 0; trial < 500; trial++) {
      RandomGenerator random = new SplittableRandom(seeds.nextLong());
      AllocationSequence sequence = SequenceGenerator.generate(scheme, 10, random);
      AllocationSequence extended =
          SequenceGenerator.extend(scheme, sequence, "site=DUB", 7, random);

      assertThat(extended.slotsOf("site=BER")).isEqualTo(sequence.slotsOf("site=BER"));
      List<AllocationSlot> dub = extended.slotsOf("site=DUB");
      assertThat(dub).startsWith(sequence.slotsOf("site=DUB").toArray(AllocationSlot[]::new));
      checkStratum(scheme, "site=DUB", dub, sequence.slotsOf("site=DUB").size() + 7);
    }
  }

  /** Checks one stratum's blocks; returns how many there are. */
  private static int checkStratum(
      RandomisationScheme scheme, String stratum, List<AllocationSlot> slots, int requested) {
    int largest = scheme.blockSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(slots.size()).as(stratum).isBetween(requested, requested + largest - 1);
    Map<String, Integer> cumulative = new HashMap<>();
    int block = 0;
    int i = 0;
    while (i < slots.size()) {
      block++;
      AllocationSlot first = slots.get(i);
      int size = first.blockSize();
      assertThat(first.block()).isEqualTo(block);
      assertThat(scheme.blockSizes()).as("allowed block sizes").contains(size);
      assertThat(i + size).as("a stratum ends at a block end").isLessThanOrEqualTo(slots.size());
      Map<String, Integer> inBlock = new HashMap<>();
      for (int k = i; k < i + size; k++) {
        AllocationSlot slot = slots.get(k);
        assertThat(slot.stratum()).isEqualTo(stratum);
        assertThat(slot.position()).isEqualTo(k + 1);
        assertThat(slot.block()).isEqualTo(block);
        assertThat(slot.blockSize()).isEqualTo(size);
        inBlock.merge(slot.arm(), 1, Integer::sum);
        cumulative.merge(slot.arm(), 1, Integer::sum);
      }
      int multiplier = size / scheme.weightSum();
      for (String arm : scheme.arms()) {
        assertThat(inBlock.getOrDefault(arm, 0))
            .as("%s block %d arm %s", stratum, block, arm)
            .isEqualTo(multiplier * scheme.weightOf(arm));
      }
      assertProportional(scheme, cumulative, stratum + " after block " + block);
      i += size;
    }
    return block;
  }

  /** counts[arm] / weight[arm] is the same for every arm. */
  private static void assertProportional(
      RandomisationScheme scheme, Map<String, Integer> counts, String where) {
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    for (String arm : scheme.arms()) {
      // count / weight = total / weightSum, kept in integers
      assertThat(counts.getOrDefault(arm, 0) * scheme.weightSum())
          .as("%s: arm %s", where, arm)
          .isEqualTo(total * scheme.weightOf(arm));
    }
  }

  private static void assertUniformArrangements(
      List<String> arms, Map<String, Integer> ratio, List<Integer> multipliers, int arrangements) {
    RandomisationScheme scheme = RandomisationScheme.permutedBlocks(arms, ratio, multipliers);
    Map<String, Long> seen = new TreeMap<>();
    int size = scheme.blockSizes().get(0);
    AllocationSequence sequence =
        SequenceGenerator.generate(scheme, size * 30_000, new SplittableRandom(5L));
    List<AllocationSlot> slots = sequence.slotsOf(RandomisationScheme.UNSTRATIFIED);
    for (int i = 0; i < slots.size(); i += size) {
      StringBuilder arrangement = new StringBuilder();
      slots.subList(i, i + size).forEach(s -> arrangement.append(s.arm()));
      seen.merge(arrangement.toString(), 1L, Long::sum);
    }
    assertUniform(seen, arrangements, ratio + " blocks of " + size);
  }

  private static void assertUniform(Map<String, Long> seen, int categories, String what) {
    assertThat(seen).as(what).hasSize(categories);
    long[] observed = seen.values().stream().mapToLong(Long::longValue).toArray();
    long total = seen.values().stream().mapToLong(Long::longValue).sum();
    double[] expected = new double[categories];
    java.util.Arrays.fill(expected, (double) total / categories);
    double chi2 = ChiSquared.statistic(observed, expected);
    System.out.printf("%s: %s, chi-squared %.2f (df %d)%n", what, seen, chi2, categories - 1);
    assertThat(chi2).as(what).isLessThan(ChiSquared.critical(categories - 1, 0.001));
  }

  private static boolean isFirstOfBlock(AllocationSequence sequence, AllocationSlot slot) {
    AllocationSlot previous = sequence.slotsOf(slot.stratum()).get(slot.position() - 2);
    return previous.block() != slot.block();
  }

  /** 2 to 4 arms (or sequences), weights 1 to 3, 1 to 3 multipliers, 0 to 2 factors. */
  static RandomisationScheme randomScheme(SplittableRandom random) {
    List<String> arms = ARM_SETS.get(random.nextInt(ARM_SETS.size()));
    Map<String, Integer> ratio = new LinkedHashMap<>();
    arms.forEach(arm -> ratio.put(arm, 1 + random.nextInt(3)));
    List<Integer> multipliers = new ArrayList<>(List.of(1, 2, 3, 4));
    java.util.Collections.shuffle(multipliers, new java.util.Random(random.nextLong()));
    multipliers = multipliers.subList(0, 1 + random.nextInt(3));
    int factorCount = random.nextInt(3);
    if (factorCount == 0) {
      return RandomisationScheme.permutedBlocks(arms, ratio, multipliers);
    }
    List<Factor> factors =
        new ArrayList<>(
            List.of(
                new Factor("site", List.of("BER", "DUB", "MAD")),
                new Factor("crp", List.of("LT3", "GE3")),
                new Factor("sex", List.of("F", "M"))));
    java.util.Collections.shuffle(factors, new java.util.Random(random.nextLong()));
    factors = factors.subList(0, factorCount);
    return RandomisationScheme.stratifiedBlocks(arms, ratio, multipliers, factors);
  }
}
