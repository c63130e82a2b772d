package org.psybiome.gateway.client;

import org.psybiome.gateway.model.Upstream;

/** A service could not be asked: its circuit is open, it cannot be reached, or it was too slow. */
public class UpstreamUnavailable extends RuntimeException {

  /** Why the service gave no answer. */
  public enum Reason {
    CIRCUIT_OPEN,
    UNREACHABLE,
    TIMEOUT
  }

  private final Upstream upstream;
  private final Reason reason;
  private final long retryAfterNanos;

  public UpstreamUnavailable(Upstream upstream, Reason reason, long retryAfterNanos) {
    super(upstream.serviceName() + ": " + reason, null, false, false);
    this.upstream = upstream;
    this.reason = reason;
    this.retryAfterNanos = retryAfterNanos;
  }

  public Upstream upstream() {
    return upstream;
  }

  public Reason reason() {
    return reason;
  }

  /** How long until the service may be asked again; meaningful for an open circuit. */
  public long retryAfterNanos() {
    return retryAfterNanos;
  }
}
