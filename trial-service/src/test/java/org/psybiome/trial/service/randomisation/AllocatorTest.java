package org.psybiome.trial.service.randomisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/** The allocator takes slots in order per stratum, keeps no state, and refuses what is invalid. */
class AllocatorTest {

  private static final RandomisationScheme STRATIFIED =
      RandomisationScheme.stratifiedBlocks(
          List.of("PROBIOTIC", "PLACEBO"),
          Map.of("PROBIOTIC", 1, "PLACEBO", 1),
          List.of(1, 2),
          List.of(
              new Factor("site", List.of("BER", "DUB")), new Factor("crp", List.of("LT3", "GE3"))));

  @Test
  void theNthParticipantOfAStratumTakesItsNthSlot() {
    AllocationSequence sequence =
        SequenceGenerator.generate(STRATIFIED, 100, new SplittableRandom(1L));
    SplittableRandom people = new SplittableRandom(2L);
    SequenceUse use = SequenceUse.none();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < 150; i++) {
      Map<String, String> levels =
          Map.of(
              "site", people.nextBoolean() ? "BER" : "DUB",
              "crp", people.nextInt(10) < 7 ? "LT3" : "GE3");
      String stratum = "site=" + levels.get("site") + "|crp=" + levels.get("crp");
      int before = seen.getOrDefault(stratum, 0);

      SlotAllocation allocation = Allocator.next(STRATIFIED, sequence, use, levels);
      // the same arguments give the same slot: nothing is kept between calls
      assertThat(Allocator.next(STRATIFIED, sequence, use, levels)).isEqualTo(allocation);

      assertThat(allocation.slot()).isEqualTo(sequence.slotsOf(stratum).get(before));
      assertThat(allocation.slot().position()).isEqualTo(before + 1);
      seen.put(stratum, before + 1);
      assertThat(allocation.use().used()).isEqualTo(seen);
      use = allocation.use();
    }
  }

  @Test
  void anExhaustedStratumIsExtendedAndAllocationGoesOn() {
    RandomisationScheme scheme =
        RandomisationScheme.permutedBlocks(
            List.of("AB", "BA"), Map.of("AB", 1, "BA", 1), List.of(2));
    SplittableRandom random = new SplittableRandom(3L);
    AllocationSequence sequence = SequenceGenerator.generate(scheme, 4, random);
    SequenceUse used = new SequenceUse(Map.of(RandomisationScheme.UNSTRATIFIED, 4));

    assertThatThrownBy(() -> Allocator.next(scheme, sequence, used, Map.of()))
        .isInstanceOfSatisfying(
            StratumExhaustedException.class,
            e -> assertThat(e.stratum()).isEqualTo(RandomisationScheme.UNSTRATIFIED));

    AllocationSequence extended =
        SequenceGenerator.extend(scheme, sequence, RandomisationScheme.UNSTRATIFIED, 1, random);
    SlotAllocation allocation = Allocator.next(scheme, extended, used, Map.of());
    assertThat(allocation.slot().position()).isEqualTo(5);
    assertThat(allocation.slot().block()).isEqualTo(2);
    assertThat(allocation.slot().arm()).isIn("AB", "BA");
  }

  @Test
  void invalidLevelsAndTheWrongKindOfSchemeAreRefused() {
    AllocationSequence sequence =
        SequenceGenerator.generate(STRATIFIED, 4, new SplittableRandom(4L));
    assertThatThrownBy(
            () -> Allocator.next(STRATIFIED, sequence, SequenceUse.none(), Map.of("site", "OSL")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e ->
                assertThat(e.violations())
                    .containsExactly(
                        Violation.of("strata.site", "must be one of BER, DUB"),
                        Violation.of("strata.crp", "is required")));

    RandomisationScheme minimisation =
        RandomisationScheme.minimisation(
            STRATIFIED.arms(),
            STRATIFIED.ratio(),
            STRATIFIED.factors(),
            MinimisationSettings.withProbability(0.8));
    Map<String, String> levels = Map.of("site", "BER", "crp", "LT3");
    assertThatThrownBy(() -> Allocator.next(minimisation, sequence, SequenceUse.none(), levels))
        .isInstanceOf(ProblemException.class)
        .hasMessage("Minimisation allocates without a sequence");
    assertThatThrownBy(
            () ->
                Allocator.minimise(
                    STRATIFIED,
                    MinimisationState.empty(minimisation),
                    levels,
                    new SplittableRandom(5L)))
        .isInstanceOf(ProblemException.class)
        .hasMessage("Only minimisation allocates from counts");
    assertThatThrownBy(() -> SequenceGenerator.generate(minimisation, 4, new SplittableRandom(6L)))
        .isInstanceOf(ProblemException.class);
    assertThatThrownBy(
            () ->
                SequenceGenerator.extend(
                    STRATIFIED, sequence, "site=OSL|crp=LT3", 4, new SplittableRandom(7L)))
        .isInstanceOf(ProblemException.class);
  }
}
