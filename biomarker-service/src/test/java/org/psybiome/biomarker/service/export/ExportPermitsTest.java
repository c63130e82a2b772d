package org.psybiome.biomarker.service.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.ProblemException;

/** At most 3 exports at once here, at most 2 of one consortium. */
class ExportPermitsTest {

  private final ExportPermits permits = new ExportPermits(3, 2);

  @Test
  void aConsortiumBeyondItsShareIsTooManyTheInstanceBeyondItsCapIsBusy() {
    ExportPermits.Permit a1 = permits.acquire("A");
    permits.acquire("A");
    assertThatThrownBy(() -> permits.acquire("A"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.type().status()).isEqualTo(429);
              assertThat(p.headers()).containsEntry("Retry-After", "10");
            });
    permits.acquire("B");
    assertThat(permits.running()).isEqualTo(3);
    // B is within its share, but the instance is full
    assertThatThrownBy(() -> permits.acquire("B"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type().status()).isEqualTo(503));
    a1.close();
    assertThat(permits.running()).isEqualTo(2);
    permits.acquire("C");
    assertThat(permits.running()).isEqualTo(3);
  }

  @Test
  void aPlaceIsGivenBackOnceHoweverOftenItIsClosed() {
    ExportPermits.Permit a = permits.acquire("A");
    permits.acquire("A");
    a.close();
    a.close(); // the end of the response and the end of the body both close it
    assertThat(permits.running()).isEqualTo(1);
    permits.acquire("A"); // A's share is 2: one running, so one more fits
    assertThatThrownBy(() -> permits.acquire("A")).isInstanceOf(ProblemException.class);
  }
}
