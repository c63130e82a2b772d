package org.psybiome.persistence.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long Idempotency-Keys of {@link Idempotent} operations live. */
@ConfigMapping(prefix = "psybiome.idempotency")
public interface IdempotencyConfig {

  /**
   * An IN_FLIGHT key older than this was left by an instance that died mid-request (its write was
   * rolled back with it): the next request with the key takes it over. Longer than the transaction
   * timeout, so that a live request is never taken over; if it were, its completion finds the claim
   * gone and rolls its write back.
   */
  @WithDefault("5m")
  Duration lease();

  /** A COMPLETED key replays its response this long, then it is free again and deleted. */
  @WithDefault("24h")
  Duration retention();

  /** How often the cleanup runs (each replica; the DELETE is idempotent). */
  @WithDefault("1h")
  String cleanupEvery();
}
