package org.psybiome.trial.model;

/** Where the faecal microbiota of an FMT intervention come from. */
public enum FmtDonorType {
  SINGLE,
  POOLED,
  AUTOLOGOUS,
  DEFINED_CONSORTIUM
}
