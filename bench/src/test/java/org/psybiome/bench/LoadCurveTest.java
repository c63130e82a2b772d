package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading the load generators' output, and the median/min/max of a figure's runs. */
class LoadCurveTest {

  @Test
  void readsWrksOutput() throws Exception {
    // wrk-output.txt is wrk 4.1's own output (wrk -t1 -c2 -d2s --latency against a local server)
    String output;
    try (InputStream in = getClass().getResourceAsStream("/wrk-output.txt")) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LoadCurve.Run run = LoadCurve.parseWrk(output, 1.5);
    assertThat(run.rps()).isEqualTo(361.08);
    assertThat(run.p50Ms()).isEqualTo(3.91);
    assertThat(run.p99Ms()).isEqualTo(55.33);
    assertThat(run.errors()).isZero();
    assertThat(run.loadAverage()).isEqualTo(1.5);
  }

  @Test
  void countsWrksErrorsAndMicroseconds() {
    String output =
        """
          Latency Distribution
             50%  512.00us
             99%    1.50s
          Socket errors: connect 1, read 2, write 0, timeout 4
          Non-2xx or 3xx responses: 10
        Requests/sec:   2000.50
        """;
    LoadCurve.Run run = LoadCurve.parseWrk(output, 0);
    assertThat(run.p50Ms()).isEqualTo(0.512);
    assertThat(run.p99Ms()).isEqualTo(1500.0);
    assertThat(run.errors()).isEqualTo(17);
    assertThat(run.rps()).isEqualTo(2000.5);
  }

  @Test
  void readsTheGeneratorsLine() {
    LoadCurve.Run run = LoadCurve.parseGenerator("warning first\n1234.5 0.750 3.250 2\n", 3.0);
    assertThat(run.rps()).isEqualTo(1234.5);
    assertThat(run.p50Ms()).isEqualTo(0.75);
    assertThat(run.p99Ms()).isEqualTo(3.25);
    assertThat(run.errors()).isEqualTo(2);
  }

  @Test
  void medianMinMax() {
    // by hand: sorted 1, 2, 9 -> median 2; sorted 1, 2, 3, 10 -> median (2 + 3) / 2 = 2.5
    assertThat(LoadCurve.stat(new double[] {9, 1, 2}))
        .isEqualTo(Map.of("median", 2.0, "min", 1.0, "max", 9.0));
    assertThat(LoadCurve.stat(new double[] {10, 3, 1, 2}))
        .isEqualTo(Map.of("median", 2.5, "min", 1.0, "max", 10.0));
  }
}
