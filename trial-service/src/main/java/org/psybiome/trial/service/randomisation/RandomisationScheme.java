package org.psybiome.trial.service.randomisation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.psybiome.trial.model.RandomisationMethod;

/**
 * How a trial randomises: the method, the arms with their ratio weights and, as the method needs
 * them, the block-size multipliers, the factors and the minimisation parameters. Plain data, so it
 * can be stored with the trial and read back; {@link SchemeRules} says what is wrong with one.
 *
 * <p>Arms are named by a code, never by their label, and nothing here assumes a code is an arm of
 * the trial record: a crossover or N-of-1 trial allocates treatment sequences ("AB", "BA", or
 * "ABAB", "BABA"), and each sequence is an "arm" code here.
 *
 * @param arms the arm (or sequence) codes, in a fixed order: it is the order in which blocks are
 *     filled before they are shuffled and in which random choices list the arms, so it is part of
 *     what makes a seeded run repeatable
 * @param ratio the integer weight of each arm, by code (2 and 1 for 2:1)
 * @param blockMultipliers block designs: a block's size is a multiplier times the sum of the
 *     weights, the multiplier drawn uniformly from these for every block ({1, 2, 3} with 1:1 gives
 *     blocks of 2, 4 and 6)
 * @param factors STRATIFIED_PERMUTED_BLOCKS: the stratification factors; MINIMISATION: the factors
 *     whose margins are balanced
 * @param minimisation MINIMISATION only
 */
public record RandomisationScheme(
    RandomisationMethod method,
    List<String> arms,
    Map<String, Integer> ratio,
    List<Integer> blockMultipliers,
    List<Factor> factors,
    MinimisationSettings minimisation) {

  /** The one stratum of an unstratified design (stratified keys always contain '='). */
  public static final String UNSTRATIFIED = "ALL";

  // neither '=' nor '|' can occur in a factor name or level (SchemeRules), so keys are unambiguous
  private static final String SEPARATOR = "|";

  public RandomisationScheme {
    // nulls inside are kept so that SchemeRules can name them instead of failing here
    arms = copy(arms);
    ratio = ratio == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(ratio));
    blockMultipliers = copy(blockMultipliers);
    factors = copy(factors);
  }

  public static RandomisationScheme simple(List<String> arms, Map<String, Integer> ratio) {
    return new RandomisationScheme(RandomisationMethod.SIMPLE, arms, ratio, null, null, null);
  }

  public static RandomisationScheme permutedBlocks(
      List<String> arms, Map<String, Integer> ratio, List<Integer> blockMultipliers) {
    return new RandomisationScheme(
        RandomisationMethod.PERMUTED_BLOCKS, arms, ratio, blockMultipliers, null, null);
  }

  public static RandomisationScheme stratifiedBlocks(
      List<String> arms,
      Map<String, Integer> ratio,
      List<Integer> blockMultipliers,
      List<Factor> factors) {
    return new RandomisationScheme(
        RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS,
        arms,
        ratio,
        blockMultipliers,
        factors,
        null);
  }

  public static RandomisationScheme minimisation(
      List<String> arms,
      Map<String, Integer> ratio,
      List<Factor> factors,
      MinimisationSettings settings) {
    return new RandomisationScheme(
        RandomisationMethod.MINIMISATION, arms, ratio, null, factors, settings);
  }

  public int weightOf(String arm) {
    return ratio.get(arm);
  }

  /** The sum of the weights: the size of a block with multiplier 1. */
  public int weightSum() {
    return arms.stream().mapToInt(this::weightOf).sum();
  }

  /** The block sizes the multipliers allow, in their order. */
  public List<Integer> blockSizes() {
    int sum = weightSum();
    return blockMultipliers.stream().map(m -> m * sum).toList();
  }

  /** Whether the design allocates from a sequence generated in advance (all but minimisation). */
  public boolean usesSequence() {
    return method != RandomisationMethod.MINIMISATION;
  }

  /**
   * Every stratum of a sequence design, in a fixed order: the combinations of the factors' levels
   * for STRATIFIED_PERMUTED_BLOCKS (the first factor varying slowest), otherwise the one {@link
   * #UNSTRATIFIED} stratum.
   */
  public List<String> strata() {
    if (method != RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS) {
      return List.of(UNSTRATIFIED);
    }
    List<String> keys = List.of("");
    for (Factor factor : factors) {
      List<String> longer = new ArrayList<>();
      for (String prefix : keys) {
        for (String level : factor.levels()) {
          longer.add((prefix.isEmpty() ? "" : prefix + SEPARATOR) + factor.name() + "=" + level);
        }
      }
      keys = longer;
    }
    return List.copyOf(keys);
  }

  /**
   * The stratum of a participant with these factor levels (by factor name), such as {@code
   * site=BER|crp=LT3|sex=F}; {@link #UNSTRATIFIED} unless the design is stratified. The levels must
   * have passed {@link SchemeRules#checkParticipant}.
   */
  public String stratumOf(Map<String, String> levels) {
    if (method != RandomisationMethod.STRATIFIED_PERMUTED_BLOCKS) {
      return UNSTRATIFIED;
    }
    List<String> parts = new ArrayList<>();
    for (Factor factor : factors) {
      parts.add(factor.name() + "=" + levels.get(factor.name()));
    }
    return String.join(SEPARATOR, parts);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
