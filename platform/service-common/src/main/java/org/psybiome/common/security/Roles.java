package org.psybiome.common.security;

/** The roles of Psybiome's callers, as carried in the token's {@code groups} claim. */
public final class Roles {

  /** Registers and edits its own consortium's trials, enrols participants. */
  public static final String REGISTRANT = "registrant";

  /** Posts results for its own consortium's trials. */
  public static final String PIPELINE = "pipeline";

  /**
   * The unblinded statistician: sees allocations and per-arm data of its own consortium's trials
   * while they are masked, and unblinds them.
   */
  public static final String STATISTICIAN = "statistician";

  /**
   * The blinded statistician: reads its own consortium's data like the unblinded one, but sees
   * pooled data only while a trial is masked (no arm, no allocation, no per-arm figure).
   */
  public static final String BLINDED_STATISTICIAN = "blinded-statistician";

  /** Maintains the analyte catalogue and panels. */
  public static final String CURATOR = "curator";

  /** Dashboards: reads what is visible to it. */
  public static final String READER = "reader";

  /**
   * Runs the platform (not a consortium member): may republish trial-service's state for consumers
   * that lost it. Only on services' own ports, which the gateway does not route (decision 25), so
   * never part of {@link #ALL}, the roles of API callers.
   */
  public static final String OPERATOR = "operator";

  public static final String[] ALL = {
    REGISTRANT, PIPELINE, STATISTICIAN, BLINDED_STATISTICIAN, CURATOR, READER
  };

  /** The token claim naming the caller's consortium. */
  public static final String CONSORTIUM_CLAIM = "consortium";

  private Roles() {}
}
