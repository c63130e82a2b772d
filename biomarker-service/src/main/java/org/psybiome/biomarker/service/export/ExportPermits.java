package org.psybiome.biomarker.service.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;

/**
 * Caps the exports that stream at once. Each holds a database connection and its cursor for as long
 * as the client takes to read, so enough slow downloads would starve every write of connections: at
 * most {@code maxConcurrent} run in this instance, and at most {@code maxPerConsortium} of one
 * consortium, so one consortium's downloads cannot take all of them. Beyond the consortium's share
 * the answer is 429 (its own load), beyond the instance's 503 (the service is busy); both say when
 * to try again.
 */
@ApplicationScoped
public class ExportPermits {

  /** Seconds a refused client waits: an export of a large trial takes about this long. */
  static final String RETRY_AFTER_SECONDS = "10";

  private final int maxConcurrent;
  private final int maxPerConsortium;
  private final Map<String, Integer> running = new HashMap<>();
  private int total;

  @Inject
  ExportPermits(BiomarkerConfig config) {
    this(config.export().maxConcurrent(), config.export().maxPerConsortium());
  }

  ExportPermits(int maxConcurrent, int maxPerConsortium) {
    this.maxConcurrent = maxConcurrent;
    this.maxPerConsortium = maxPerConsortium;
  }

  /** A running export's place, given back once (closing it again does nothing). */
  public final class Permit implements AutoCloseable {
    private final String consortium;
    private final AtomicBoolean released = new AtomicBoolean();

    private Permit(String consortium) {
      this.consortium = consortium;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release(consortium);
      }
    }
  }

  /**
   * A place for one export of {@code consortium}.
   *
   * @throws ProblemException 429 when the consortium runs its share already, 503 when the instance
   *     runs as many as it may; both with Retry-After
   */
  public synchronized Permit acquire(String consortium) {
    int own = running.getOrDefault(consortium, 0);
    if (own >= maxPerConsortium) {
      throw refused(
          ProblemType.TOO_MANY_REQUESTS,
          "Consortium "
              + consortium
              + " is running "
              + own
              + " exports, as many as one consortium may at once; retry when one has finished");
    }
    if (total >= maxConcurrent) {
      throw refused(
          ProblemType.SERVICE_UNAVAILABLE,
          "The service is running as many exports as it may at once; retry shortly");
    }
    running.merge(consortium, 1, Integer::sum);
    total++;
    return new Permit(consortium);
  }

  /** Exports running now, of all consortia. */
  public synchronized int running() {
    return total;
  }

  private synchronized void release(String consortium) {
    running.computeIfPresent(consortium, (k, n) -> n <= 1 ? null : n - 1);
    total--;
  }

  private static ProblemException refused(ProblemType type, String detail) {
    return new ProblemException(
        type, detail, List.of(), Map.of("Retry-After", RETRY_AFTER_SECONDS));
  }
}
