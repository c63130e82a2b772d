package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    await().atMost(Duration.ofSeconds(30)).until(() -> sent.size() >= 100);
    BackgroundWrites.Figures figures = writes.stop();

    assertThat(figures.ticks()).isGreaterThanOrEqualTo(100);
    assertThat(figures.acknowledged() + figures.failed() + figures.missed())
        .isEqualTo(figures.ticks());
    assertThat(figures.failed()).isEqualTo(sent.stream().filter(n -> n % 10 == 0).count());
    assertThat(sent).hasSize((int) (figures.ticks() - figures.missed()));
  }

  /**
   * Writes each taking 100 ms on 16 senders carry at most 160 a second: asked for 400, the ticks
   * finding every sender busy are counted as missed, not queued. Stopped once three rounds of 16
   * have started (at least 200 ms, so at least 80 ticks for at most 64 writes).
   */
  @Test
  void aRateTheSendersCannotCarryIsReportedAsMissedTicksNotQueued() throws Exception {
    AtomicInteger started = new AtomicInteger();
    BackgroundWrites writes =
        new BackgroundWrites(
            n -> {
              started.incrementAndGet();
              try {
                Thread.sleep(100); // the write's own duration, which the senders cannot shorten
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    writes.start(400);
    await().atMost(Duration.ofSeconds(30)).until(() -> started.get() >= 3 * 16 + 1);
    BackgroundWrites.Figures figures = writes.stop();

    assertThat(figures.missed()).isPositive();
    assertThat(figures.acknowledged()).isEqualTo(started.get());
    assertThat(figures.acknowledged() + figures.failed() + figures.missed())
        .isEqualTo(figures.ticks());
  }
}
