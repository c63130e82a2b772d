package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.RandomisationMethod;

/**
 * Generates the sealed allocation sequence of a SIMPLE, PERMUTED_BLOCKS or
 * STRATIFIED_PERMUTED_BLOCKS scheme at the start of a trial, and extends a stratum later.
 *
 * <p>Block designs: every block has a multiplier drawn uniformly from the allowed ones, holds each
 * arm multiplier × weight times, and is permuted by an unbiased Fisher–Yates shuffle (Durstenfeld's
 * in-place form: position i swaps with a uniform position in [0, i]). A stratum always ends at a
 * block end, so a stratum's allocation is exactly in ratio after its last block; generating "n
 * slots" gives whole blocks covering at least n. SIMPLE: each slot an independent draw in
 * proportion to the weights.
 *
 * <p>All randomness comes from the {@link RandomGenerator} passed in, consumed in a fixed order
 * (strata in {@link RandomisationScheme#strata()} order; per block the multiplier, the shuffle,
 * then the slots' references), so a seeded generator gives the same sequence every time. In
 * production pass a cryptographically strong one ({@code java.security.SecureRandom}, such as one
 * from {@code SecureRandom.getInstanceStrong()}): a sequence must not be predictable from anything
 * outside it.
 */
public final class SequenceGenerator {

  private SequenceGenerator() {}

  /** The sequence of every stratum of the scheme, each with at least {@code slotsPerStratum}. */
  public static AllocationSequence generate(
      RandomisationScheme scheme, int slotsPerStratum, RandomGenerator random) {
    requireSequenceScheme(scheme);
    requirePositive(slotsPerStratum);
    AllocationReferences references = new AllocationReferences(Set.of(), random);
    Map<String, List<AllocationSlot>> strata = new LinkedHashMap<>();
    for (String stratum : scheme.strata()) {
      strata.put(stratum, append(scheme, List.of(), stratum, slotsPerStratum, references, random));
    }
    return new AllocationSequence(strata);
  }

  /**
   * The sequence with at least {@code slots} more slots in one stratum (whole blocks), numbered on
   * from its last block; the new references are unique against the whole sequence's.
   */
  public static AllocationSequence extend(
      RandomisationScheme scheme,
      AllocationSequence sequence,
      String stratum,
      int slots,
      RandomGenerator random) {
    requireSequenceScheme(scheme);
    requirePositive(slots);
    if (!scheme.strata().contains(stratum)) {
      throw ProblemException.invalid(
          "Not a stratum of the scheme",
          List.of(Violation.of("stratum", "is not a stratum of the scheme")));
    }
    Set<String> issued =
        sequence.slots().stream().map(AllocationSlot::reference).collect(Collectors.toSet());
    AllocationReferences references = new AllocationReferences(issued, random);
    Map<String, List<AllocationSlot>> strata = new LinkedHashMap<>(sequence.strata());
    strata.put(
        stratum, append(scheme, sequence.slotsOf(stratum), stratum, slots, references, random));
    return new AllocationSequence(strata);
  }

  /**
   * Unbiased Fisher–Yates shuffle in place: every permutation equally likely given uniform {@code
   * nextInt(bound)} (which RandomGenerator guarantees).
   */
  static <T> void shuffle(List<T> list, RandomGenerator random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T swapped = list.get(i);
      list.set(i, list.get(j));
      list.set(j, swapped);
    }
  }

  private static List<AllocationSlot> append(
      RandomisationScheme scheme,
      List<AllocationSlot> existing,
      String stratum,
      int slots,
      AllocationReferences references,
      RandomGenerator random) {
    List<AllocationSlot> all = new ArrayList<>(existing);
    int target = existing.size() + slots;
    if (scheme.method() == RandomisationMethod.SIMPLE) {
      while (all.size() < target) {
        String arm = WeightedChoice.among(scheme.arms(), scheme, random);
        all.add(new AllocationSlot(stratum, all.size() + 1, arm, 0, 0, references.next()));
      }
      return all;
    }
    int block = existing.isEmpty() ? 0 : existing.get(existing.size() - 1).block();
    while (all.size() < target) {
      block++;
      List<String> arms = block(scheme, random);
      for (String arm : arms) {
        all.add(
            new AllocationSlot(
                stratum, all.size() + 1, arm, block, arms.size(), references.next()));
      }
    }
    return all;
  }

  /** One block: multiplier × weight of each arm, in scheme order, then shuffled. */
  private static List<String> block(RandomisationScheme scheme, RandomGenerator random) {
    List<Integer> multipliers = scheme.blockMultipliers();
    int multiplier = multipliers.get(random.nextInt(multipliers.size()));
    List<String> arms = new ArrayList<>();
    for (String arm : scheme.arms()) {
      for (int i = 0; i < multiplier * scheme.weightOf(arm); i++) {
        arms.add(arm);
      }
    }
    shuffle(arms, random);
    return arms;
  }

  private static void requireSequenceScheme(RandomisationScheme scheme) {
    List<Violation> violations = SchemeRules.check(scheme);
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("The randomisation scheme is invalid", violations);
    }
    if (!scheme.usesSequence()) {
      throw ProblemException.invalid(
          "Minimisation allocates without a sequence",
          List.of(Violation.of("method", "MINIMISATION has no allocation sequence")));
    }
  }

  private static void requirePositive(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be at least 1, was " + slots);
    }
  }
}
