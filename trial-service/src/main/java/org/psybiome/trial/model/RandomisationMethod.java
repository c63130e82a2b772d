package org.psybiome.trial.model;

/**
 * How participants are allocated to arms: simple randomisation; permuted blocks of randomly varying
 * size; permuted blocks within strata; minimisation (Pocock–Simon) with a random element.
 */
public enum RandomisationMethod {
  SIMPLE,
  PERMUTED_BLOCKS,
  STRATIFIED_PERMUTED_BLOCKS,
  MINIMISATION
}
