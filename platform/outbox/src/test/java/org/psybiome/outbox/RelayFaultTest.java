package org.psybiome.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The drills' fault: off unless set; when set, it fires at the first batch reaching the count. */
class RelayFaultTest {

  @Test
  void unsetNeverFires() {
    AtomicInteger died = new AtomicInteger();
    RelayFault fault = RelayFault.dieAfter(Optional.empty(), died::incrementAndGet);
    fault.afterSending(1);
    fault.afterSending(1_000_000);
    assertEquals(0, died.get());
    assertSame(RelayFault.NONE, fault);
  }

  @Test
  void firesOnceTheCountIsReached() {
    AtomicInteger died = new AtomicInteger();
    RelayFault fault = RelayFault.dieAfter(Optional.of(200L), died::incrementAndGet);
    fault.afterSending(150);
    assertEquals(0, died.get());
    fault.afterSending(650); // a batch of 500 took it past 200
    assertEquals(1, died.get());
  }
}
