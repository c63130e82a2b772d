package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SizeCurveTest {

  @TempDir Path directory;

  @Test
  void eachSizeIsToppedUpThenRunThreeTimesAndItsMedianRunIsTheOneOfTheMedianP95() throws Exception {
    List<Long> toppedUp = new ArrayList<>();
    List<String> medians = new ArrayList<>();
    // p95 per (size, run): the median of 30, 10, 20 is 20, the run "10k#2"
    Map<Long, double[]> p95s =
        Map.of(10_000L, new double[] {30, 10, 20}, 1_000_000L, new double[] {5, 7, 6});
    Report report = new Report();
    new SizeCurve("search", "Search", "trials")
        .run(
            new long[] {10_000, 1_000_000},
            toppedUp::add,
            (size, run) ->
                new SizeCurve.Run(
                    p95s.get(size)[run] / 2,
                    p95s.get(size)[run],
                    SizeCurve.label(size) + "#" + run),
            (size, median) -> medians.add((String) median.details()),
            report,
            directory);

    assertThat(toppedUp).containsExactly(10_000L, 1_000_000L);
    assertThat(medians).containsExactly("10k#2", "1M#2");
    report.write(directory.resolve("out.json"));
    JsonNode point =
        BenchTrials.JSON
            .readTree(Files.readString(directory.resolve("out.json")))
            .path("curves")
            .path("search")
            .path("10000");
    assertThat(point.path("p95_ms").path("median").asDouble()).isEqualTo(20.0);
    assertThat(point.path("p95_ms").path("min").asDouble()).isEqualTo(10.0);
    assertThat(point.path("p95_ms").path("max").asDouble()).isEqualTo(30.0);
    assertThat(point.path("p50_ms").path("median").asDouble()).isEqualTo(10.0);
    assertThat(point.path("load_average_per_run")).hasSize(3);
    assertThat(directory.resolve("search-latency.png")).isNotEmptyFile();
  }

  @Test
  void sizesAreLabelledShort() {
    assertThat(SizeCurve.label(10_000)).isEqualTo("10k");
    assertThat(SizeCurve.label(1_000_000)).isEqualTo("1M");
    assertThat(SizeCurve.label(1_500)).isEqualTo("1500");
  }

  @Test
  void warmIngestionHasAtLeastThreeBatchesAndRoughlyTheAskedRows() {
    assertThat(IngestionCurve.warmBatches(100_000, 30_000)).isEqualTo(3);
    assertThat(IngestionCurve.warmBatches(1_000, 200_000)).isEqualTo(200);
    assertThat(IngestionCurve.warmBatches(10_000, 25_000)).isEqualTo(3);
    assertThat(IngestionCurve.warmBatches(10_000, 45_000)).isEqualTo(5);
  }

  @Test
  void seededTrialIdsAreZeroPaddedToSevenDigitsSoAMillionIsNotCutShort() {
    assertThat(TrialSeeder.id(1)).isEqualTo("PSB-1900-0000001");
    assertThat(TrialSeeder.id(1_000_000)).isEqualTo("PSB-1900-1000000");
    assertThat(TrialSeeder.id(1_000_000)).hasSize(TrialSeeder.ID_LENGTH);
  }
}
