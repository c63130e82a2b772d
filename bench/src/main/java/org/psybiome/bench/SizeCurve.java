package org.psybiome.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A latency figure as the data grows (issue #15: search at 10k / 100k / 1M trials, summaries at 1M
 * / 10M results): at each size the data is topped up, then the same requests are run three times;
 * each point is the median, min and max of the three runs' p50 and p95, with each run's load
 * average and the details of the median run. Written under {@code curves.NAME}, plotted to {@code
 * plots/NAME-latency.png}.
 */
final class SizeCurve {

  static final int RUNS = 3;

  /** One run at a size: its percentiles and what else it measured (per query, per kind). */
  record Run(double p50Ms, double p95Ms, Object details) {}

  interface Preparation {
    void topUpTo(long size) throws Exception;
  }

  interface Measurement {
    Run measure(long size, int run) throws Exception;
  }

  /** Told the run whose p95 is the median, at each size. */
  interface MedianRun {
    void at(long size, Run run);
  }

  private final String name;
  private final String title;
  private final String xLabel;

  SizeCurve(String name, String title, String xLabel) {
    this.name = name;
    this.title = title;
    this.xLabel = xLabel;
  }

  void run(
      long[] sizes,
      Preparation preparation,
      Measurement measurement,
      MedianRun medianRun,
      Report report,
      Path plots)
      throws Exception {
    Map<String, Object> points = new LinkedHashMap<>();
    List<CurvePlot.Point> p95 = new ArrayList<>();
    List<CurvePlot.Point> p50 = new ArrayList<>();
    for (long size : sizes) {
      preparation.topUpTo(size);
      List<Run> runs = new ArrayList<>();
      List<Double> loads = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        loads.add(Machine.loadAverage());
        runs.add(measurement.measure(size, run));
      }
      Map<String, Double> p95Stat = LoadCurve.stat(runs.stream().mapToDouble(Run::p95Ms).toArray());
      Map<String, Double> p50Stat = LoadCurve.stat(runs.stream().mapToDouble(Run::p50Ms).toArray());
      Run median = median(runs);
      Map<String, Object> point = new LinkedHashMap<>();
      point.put("p50_ms", p50Stat);
      point.put("p95_ms", p95Stat);
      point.put("load_average_per_run", loads);
      point.put("median_run", median.details());
      points.put(Long.toString(size), point);
      p95.add(CurvePlot.point(label(size), p95Stat));
      p50.add(CurvePlot.point(label(size), p50Stat));
      medianRun.at(size, median);
      Progress.say("%s at %s: p95 %s ms, p50 %s ms", name, label(size), p95Stat, p50Stat);
    }
    report.curve(name, points);
    Map<String, List<CurvePlot.Point>> series = CurvePlot.series();
    series.put("p95", p95);
    series.put("p50", p50);
    CurvePlot.write(
        plots.resolve(name + "-latency.png"),
        title + " (median of 3 runs, min-max bars)",
        xLabel,
        "ms",
        series);
  }

  /** The run whose p95 is the median of the runs. */
  static Run median(List<Run> runs) {
    List<Run> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.p95Ms(), b.p95Ms()));
    return sorted.get(sorted.size() / 2);
  }

  static String label(long size) {
    if (size >= 1_000_000 && size % 1_000_000 == 0) {
      return size / 1_000_000 + "M";
    }
    if (size >= 1_000 && size % 1_000 == 0) {
      return size / 1_000 + "k";
    }
    return Long.toString(size);
  }
}
