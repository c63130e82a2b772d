package org.psybiome.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
