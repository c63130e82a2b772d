package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The options ./psybiome bench passes on. */
class BenchMainTest {

  private static BenchMain parse(String... args) {
    BenchMain main = new BenchMain();
    new CommandLine(main).parseArgs(args);
    return main;
  }

  @Test
  void whatTheWrapperPasses() {
    BenchMain main =
        parse(
            "--root",
            "/repo",
            "--state",
            "/repo/.psybiome",
            "--commit",
            "abc1234",
            "--quick",
            "--keep",
            "--only",
            "ingest,search",
            "--out",
            "/tmp/out.json");
    assertThat(main.root).isEqualTo(Path.of("/repo"));
    assertThat(main.state).isEqualTo(Path.of("/repo/.psybiome"));
    assertThat(main.commit).isEqualTo("abc1234");
    assertThat(main.quick).isTrue();
    assertThat(main.keep).isTrue();
    assertThat(main.clean).isFalse();
    assertThat(main.only).isEqualTo(Set.of("ingest", "search"));
    assertThat(main.out).isEqualTo(Path.of("/tmp/out.json"));
  }

  @Test
  void defaults() {
    BenchMain main = parse("--clean");
    assertThat(main.clean).isTrue();
    assertThat(main.quick).isFalse();
    assertThat(main.root).isEqualTo(Path.of("."));
    assertThat(main.state).isNull();
    assertThat(main.only).isNull();
    assertThat(main.commit).isEqualTo("unknown");
  }

  @Test
  void unknownOptionsAreRefused() {
    assertThatThrownBy(() -> parse("--fast"))
        .isInstanceOf(CommandLine.UnmatchedArgumentException.class);
    assertThatThrownBy(() -> parse("--only"))
        .isInstanceOf(CommandLine.MissingParameterException.class);
  }

  @Test
  void theCpuBoundIsTheDirectSumOverTheGatewaySum() {
    // the full run of 2026-12-01 at 32 connections (medians): 442.0 us direct, 927.0 us via
    java.util.Map<String, Object> direct =
        point(
            32,
            java.util.Map.of(
                "generator", 32.8, "gateway", 1.1, "trial-service", 247.9, "postgresql", 160.2));
    java.util.Map<String, Object> via =
        point(
            32,
            java.util.Map.of(
                "generator", 41.7, "gateway", 343.2, "trial-service", 341.9, "postgresql", 200.2));
    assertThat(BenchMain.totalCpu(java.util.List.of(direct), 32)).isEqualTo(442.0, within(1e-9));
    assertThat(BenchMain.totalCpu(java.util.List.of(via), 32)).isEqualTo(927.0, within(1e-9));
    assertThat(BenchMain.cpuOf(java.util.List.of(via), 32, "gateway")).isEqualTo(343.2);
    assertThat(BenchMain.cpuOf(java.util.List.of(via), 8, "gateway")).isEqualTo(-1);
    var unknown =
        point(
            32,
            java.util.Map.of(
                "generator", -1.0, "gateway", 1.0, "trial-service", 1.0, "postgresql", 1.0));
    assertThat(BenchMain.totalCpu(java.util.List.of(unknown), 32)).isEqualTo(-1);
  }

  private static java.util.Map<String, Object> point(
      int connections, java.util.Map<String, Double> us) {
    java.util.Map<String, Object> cpu = new java.util.LinkedHashMap<>();
    us.forEach((part, value) -> cpu.put(part, java.util.Map.of("median", value)));
    return java.util.Map.of("connections", connections, "cpu_us_per_request", cpu);
  }
}
