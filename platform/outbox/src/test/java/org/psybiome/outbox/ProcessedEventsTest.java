package org.psybiome.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An idempotent consumer sees each event id once, counted only when its transaction commits. */
@QuarkusTest
class ProcessedEventsTest {

  @Inject ProcessedEvents processed;

  @Test
  void secondDeliveryOfAnEventIsRecognised() {
    UUID id = UUID.randomUUID();
    assertTrue(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id)));
    assertFalse(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id)));
  }

  @Test
  void eventOfARolledBackTransactionIsStillToBeProcessed() {
    UUID id = UUID.randomUUID();
    QuarkusTransaction.begin();
    assertTrue(processed.markProcessed(id));
    QuarkusTransaction.rollback();
    assertTrue(QuarkusTransaction.requiringNew().call(() -> processed.markProcessed(id)));
  }

  @Test
  void markingOutsideATransactionIsRefused() {
    assertThrows(IllegalStateException.class, () -> processed.markProcessed(UUID.randomUUID()));
  }
}
