package org.psybiome.trial.model;

/**
 * How participants are allocated to arms (or, in crossover and N-of-1 trials, to sequences): the
 * method a trial declares (design.randomisation), and the one service.randomisation implements.
 */
public enum RandomisationMethod {
  /** Each allocation an independent draw in proportion to the ratio weights. */
  SIMPLE,
  /** Blocks of random size (from the allowed multipliers), each a random permutation. */
  PERMUTED_BLOCKS,
  /** PERMUTED_BLOCKS within every combination of the stratification factors' levels. */
  STRATIFIED_PERMUTED_BLOCKS,
  /** Pocock–Simon minimisation of the marginal imbalance over the factors. */
  MINIMISATION
}
