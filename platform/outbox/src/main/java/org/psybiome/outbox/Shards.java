package org.psybiome.outbox;

/** Which shard an aggregate's events belong to; every replica must compute the same. */
final class Shards {

  /**
   * The first key of the relay's advisory locks ({@code pg_try_advisory_xact_lock(int, int)}), so
   * that they cannot collide with other advisory locks of the database. "PSOB" in ASCII.
   */
  static final int ADVISORY_LOCK_CLASS = 0x50534F42;

  private Shards() {}

  /** String.hashCode is specified by the JLS, so every JVM maps an aggregate to the same shard. */
  static int of(String aggregateId, int shards) {
    return Math.floorMod(aggregateId.hashCode(), shards);
  }
}
