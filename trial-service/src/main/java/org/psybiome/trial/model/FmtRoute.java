package org.psybiome.trial.model;

/** How faecal microbiota are delivered in an FMT intervention. */
public enum FmtRoute {
  ORAL_CAPSULE,
  COLONOSCOPY,
  ENEMA,
  NASOJEJUNAL
}
