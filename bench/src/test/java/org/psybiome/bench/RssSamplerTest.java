package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RssSamplerTest {

  @TempDir Path state;

  @Test
  void thePeakIsTheLargestResidentSetSeenAndAServiceWithoutAPidIsLeftOut() throws Exception {
    Files.createDirectories(state.resolve("pids"));
    // this JVM stands in for the gateway
    Files.writeString(state.resolve("pids/gateway.pid"), ProcessHandle.current().pid() + "\n");
    Stack stack =
        new Stack(
            URI.create("http://x"), URI.create("http://x"), URI.create("http://x"), state, "", "");
    long before = RssSampler.rssKb(stack.pidFile("gateway")).orElseThrow();
    try (RssSampler sampler = new RssSampler(stack)) {
      sampler.sampleAll();
      // far more than the JVM may give back or take elsewhere between the samples (with 64 MB the
      // peak once came out 50 MB above the reading before: RSS moves on its own)
      byte[] grown = new byte[256 * 1024 * 1024];
      java.util.Arrays.fill(grown, (byte) 1); // touch every page so it is resident
      sampler.sampleAll();
      Report report = new Report();
      sampler.report(report);
      report.write(state.resolve("out.json"));
      JsonNode services =
          BenchTrials.JSON.readTree(Files.readString(state.resolve("out.json"))).path("services");
      assertThat(services.path("gateway").path("rss_samples").asInt()).isEqualTo(2);
      assertThat(services.path("gateway").path("rss_peak_mb").asLong() * 1024)
          .isGreaterThanOrEqualTo(before + 128 * 1024);
      assertThat(services.has("trial-service")).isFalse();
      assertThat(grown[grown.length - 1]).isEqualTo((byte) 1);
    }
  }
}
