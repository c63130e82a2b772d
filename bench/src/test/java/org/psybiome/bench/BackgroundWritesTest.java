package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class BackgroundWritesTest {

  @Test
  void everyTickIsAcknowledgedFailedOrMissedAndEachWriteIsNumberedOnce() throws Exception {
    Set<Long> sent = ConcurrentHashMap.newKeySet();
    BackgroundWrites writes =
        new BackgroundWrites(
            n -> {
              assertThat(sent.add(n)).isTrue();
              if (n % 10 == 0) {
                throw new IllegalStateException("refused");
              }
            });
    writes.start(200);
    Thread.sleep(1_000);
    BackgroundWrites.Figures figures = writes.stop();

    assertThat(figures.ticks()).isGreaterThan(100);
    assertThat(figures.acknowledged() + figures.failed() + figures.missed())
        .isEqualTo(figures.ticks());
    assertThat(figures.failed()).isEqualTo(sent.stream().filter(n -> n % 10 == 0).count());
    assertThat(sent).hasSize((int) (figures.ticks() - figures.missed()));
  }

  /** 16 senders each busy 100 ms carry at most 160 writes/s: asked for 400, the rest is missed. */
  @Test
  void aRateTheSendersCannotCarryIsReportedAsMissedTicksNotQueued() throws Exception {
    BackgroundWrites writes =
        new BackgroundWrites(
            n -> {
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    writes.start(400);
    Thread.sleep(1_000);
    BackgroundWrites.Figures figures = writes.stop();

    assertThat(figures.missed()).isPositive();
    assertThat(figures.acknowledged()).isLessThanOrEqualTo(16L * 11);
    assertThat(figures.acknowledged() + figures.failed() + figures.missed())
        .isEqualTo(figures.ticks());
  }
}
