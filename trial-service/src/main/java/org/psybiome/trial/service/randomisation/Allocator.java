package org.psybiome.trial.service.randomisation;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.trial.model.RandomisationMethod;

/**
 * Allocates the next participant: the one entry point enrolment calls. Pure functions of their
 * arguments: nothing is kept between calls, the state to store comes back with each allocation.
 *
 * <ul>
 *   <li>SIMPLE, PERMUTED_BLOCKS, STRATIFIED_PERMUTED_BLOCKS: {@link #next} takes the next slot of
 *       the participant's stratum from the sealed sequence; the slot depends only on the sequence
 *       and how many of the stratum's slots are used, so the store serialising the use of a stratum
 *       is all the concurrency control there is.
 *   <li>MINIMISATION: {@link #minimise} decides from the running counts and the random source.
 * </ul>
 *
 * Both reject an invalid scheme or invalid factor levels with a VALIDATION problem listing the
 * violations ({@link SchemeRules}).
 */
public final class Allocator {

  private Allocator() {}

  /**
   * @param levels the participant's level of each factor, by factor name (empty when the design has
   *     no factors)
   * @throws StratumExhaustedException when the stratum's slots are all taken
   */
  public static SlotAllocation next(
      RandomisationScheme scheme,
      AllocationSequence sequence,
      SequenceUse use,
      Map<String, String> levels) {
    requireValid(scheme, levels);
    if (!scheme.usesSequence()) {
      throw ProblemException.invalid(
          "Minimisation allocates without a sequence",
          List.of(Violation.of("method", "MINIMISATION has no allocation sequence")));
    }
    String stratum = scheme.stratumOf(levels);
    AllocationSlot slot =
        sequence
            .slotAt(stratum, use.usedOf(stratum))
            .orElseThrow(() -> new StratumExhaustedException(stratum));
    return new SlotAllocation(slot, use.after(stratum));
  }

  /**
   * @param levels the participant's level of each factor, by factor name
   * @param random the random source of the probabilistic step; a strong one in production
   */
  public static MinimisationAllocation minimise(
      RandomisationScheme scheme,
      MinimisationState state,
      Map<String, String> levels,
      RandomGenerator random) {
    requireValid(scheme, levels);
    if (scheme.method() != RandomisationMethod.MINIMISATION) {
      throw ProblemException.invalid(
          "Only minimisation allocates from counts",
          List.of(Violation.of("method", scheme.method() + " allocates from a sequence")));
    }
    return PocockSimon.allocate(scheme, state, levels, random);
  }

  private static void requireValid(RandomisationScheme scheme, Map<String, String> levels) {
    List<Violation> violations = SchemeRules.check(scheme);
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("The randomisation scheme is invalid", violations);
    }
    violations = SchemeRules.checkParticipant(scheme, levels);
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("The participant's factor levels are invalid", violations);
    }
  }
}
