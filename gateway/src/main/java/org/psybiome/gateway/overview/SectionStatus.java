package org.psybiome.gateway.overview;

/** Whether a part of the overview could be shown. */
public enum SectionStatus {
  /** Shown. */
  AVAILABLE,
  /** The caller may not see it (e.g. results are for the trial's consortium only). */
  NOT_VISIBLE,
  /** The service that holds it is down or too slow; the overview is partial. */
  UNAVAILABLE
}
