package org.psybiome.bench;

import org.HdrHistogram.Histogram;

/** Latencies recorded in microseconds (HdrHistogram, 3 significant digits), read in ms. */
final class Latencies {

  private final Histogram histogram = new Histogram(3_600_000_000L, 3);

  synchronized void recordNanos(long nanos) {
    histogram.recordValue(Math.max(1, nanos / 1000));
  }

  synchronized double percentileMs(double percentile) {
    return histogram.getValueAtPercentile(percentile) / 1000.0;
  }

  synchronized long count() {
    return histogram.getTotalCount();
  }
}
