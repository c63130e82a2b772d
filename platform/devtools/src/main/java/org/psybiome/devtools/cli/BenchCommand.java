package org.psybiome.devtools.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Runs the performance suite of {@code bench/} (its BenchMain, in a JVM of its own with the heap
 * the ingestion run needs) against the running stack, starting the stack if it is not up.
 */
@Command(
    name = "bench",
    description = {
      "Run the benchmarks against the running stack (started if it is not), print the table,"
          + " write bench/results/latest.json. See BENCHMARKS.md."
    })
final class BenchCommand implements Callable<Integer> {

  static final List<String> BUILD =
      List.of(
          "-B", "-q", "package", "-Dmaven.test.skip=true", "-Dspotless.check.skip", "-pl", "bench");

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "smaller data")
  boolean quick;

  @Option(names = "--keep", description = "keep the seeded data for the next run")
  boolean keep;

  @Option(
      names = "--clean",
      description = "only remove what the benchmarks seeded (consortium PSYBENCH)")
  boolean clean;

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "PART",
      description = "some of startup,gateway,events,ingest,summaries,search")
  List<String> only;

  @Option(names = "--out", paramLabel = "FILE", description = "where to write the JSON results")
  Path out;

  @Override
  public Integer call() throws Exception {
    StackConfig config = cli.config();
    Console console = new Console(spec.commandLine().getOut());
    console.say("Building the benchmark harness ...");
    Maven.run(config.root(), BUILD, "could not build bench/");
    if (!clean && !new LocalStack(config, console).allReady()) {
      UpCommand.up(config, console, false);
    }
    String commit =
        Processes.output(List.of("git", "rev-parse", "--short", "HEAD"), config.root())
                .orElse("unknown")
            + (uncommittedChanges(config.root()) ? "-dirty" : "");
    return Processes.runInForeground(command(config, commit), Map.of(), config.root());
  }

  /**
   * Whether the files measured differ from the commit (changed, staged or new files; the results
   * the bench itself writes under bench/results are not the code measured).
   */
  static boolean uncommittedChanges(Path root) {
    return Processes.output(
            List.of("git", "status", "--porcelain", "--", ".", ":(exclude)bench/results"), root)
        .map(out -> !out.isEmpty())
        .orElse(false);
  }

  List<String> command(StackConfig config, String commit) {
    Path bench = config.root().resolve("bench/target");
    List<String> command = new ArrayList<>();
    command.add(LaunchCommands.currentJava());
    // The heap holds the pre-built batches of the ingestion run (about 300 MB in full mode).
    command.add("-Xmx2g");
    command.add("-cp");
    command.add(bench.resolve("classes") + File.pathSeparator + bench.resolve("lib") + "/*");
    command.add("org.psybiome.bench.BenchMain");
    command.addAll(List.of("--root", config.root().toString()));
    command.addAll(List.of("--state", config.state().toString()));
    command.addAll(List.of("--commit", commit));
    if (quick) {
      command.add("--quick");
    }
    if (keep) {
      command.add("--keep");
    }
    if (clean) {
      command.add("--clean");
    }
    if (only != null) {
      command.addAll(List.of("--only", String.join(",", only)));
    }
    if (out != null) {
      command.addAll(List.of("--out", out.toAbsolutePath().toString()));
    }
    return command;
  }
}
