package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @TempDir Path directory;

  @Test
  void theJsonHasTheKeysOfIssue6AndThenThoseOfIssue15() throws Exception {
    Report report = new Report();
    report.put("ingest_ratio", 0.61);
    report.service("gateway", "startup_s", 2.5);
    report.meta("mode", "quick");
    Path file = directory.resolve("latest.json");
    report.write(file);

    JsonNode json = BenchTrials.JSON.readTree(Files.readString(file));
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "ingest_rows_per_s",
            "copy_rows_per_s",
            "ingest_ratio",
            "gateway_p50_added_ms",
            "gateway_p99_added_ms",
            "gateway_throughput_ratio",
            "event_latency_p50_ms",
            "event_latency_p99_ms",
            "summary_p50_ms",
            "summary_p95_ms",
            "search_p95_ms",
            "direct_get_trial_rps_32",
            "gateway_added_p50_ms_1",
            "gateway_ratio_32",
            "search_p95_ms_largest",
            "summary_p95_ms_largest",
            "ingest_cold_rows_per_s_100k",
            "ingest_warm_rows_per_s_100k",
            "ingest_warm_ratio_100k",
            "services",
            "metadata");
    assertThat(json.path("ingest_ratio").asDouble()).isEqualTo(0.61);
    assertThat(json.path("services").path("gateway").path("startup_s").asDouble()).isEqualTo(2.5);
  }

  @Test
  void theTableJudgesFiguresAgainstTheTargets() {
    Report report = new Report();
    report.put("ingest_ratio", 0.4);
    report.put("gateway_ratio_32", 0.8);
    report.service("gateway", "rss_peak_mb", 251);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
    String table = out.toString(StandardCharsets.UTF_8);
    assertThat(table).contains("| ingest / COPY | `ingest_ratio` | 0.4 | ≥ 0.7 | NOT met |");
    assertThat(table).contains("| `gateway_ratio_32` | 0.8 | ≥ 0.8 | met |");
    assertThat(table).contains("| `services.gateway.rss_peak_mb` | 251 MB | ≤ 250 MB | NOT met |");
  }
}
