package org.psybiome.trial.model;

/** How the donor material of an FMT was kept before it was given. */
public enum FmtPreparation {
  FRESH,
  FROZEN,
  LYOPHILISED
}
