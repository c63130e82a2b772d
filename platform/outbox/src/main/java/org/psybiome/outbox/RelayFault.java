package org.psybiome.outbox;

import java.util.Optional;

/**
 * What a relay does between Kafka's acknowledgement of a batch and the delete of its rows: nothing,
 * unless a fault drill asks the process to die there ({@code
 * psybiome.outbox.relay.fault.die-after-sending}).
 */
interface RelayFault {

  RelayFault NONE = sentSoFar -> {};

  /** Called with how many events this worker has sent, counting the batch just acknowledged. */
  void afterSending(long sentSoFar);

  static RelayFault of(OutboxConfig.Fault config) {
    return dieAfter(config.dieAfterSending(), () -> Runtime.getRuntime().halt(DIED));
  }

  /** The exit status of a process halted by the fault, so a drill can tell it from a kill. */
  int DIED = 86;

  /** Runs {@code die} once {@code threshold} events were sent (never when it is empty). */
  static RelayFault dieAfter(Optional<Long> threshold, Runnable die) {
    if (threshold.isEmpty()) {
      return NONE;
    }
    long after = threshold.get();
    return sentSoFar -> {
      if (sentSoFar >= after) {
        // The log may not be flushed before the halt: say it on stderr first.
        System.err.printf(
            "Fault injection: halting after sending %d events, before deleting them%n", sentSoFar);
        System.err.flush();
        die.run();
      }
    };
  }
}
