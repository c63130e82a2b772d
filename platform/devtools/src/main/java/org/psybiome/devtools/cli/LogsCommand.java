package org.psybiome.devtools.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Lists the logs of the local stack, or follows one (tail -f: it already does that well). */
@Command(name = "logs", description = "List the logs, or follow one.")
final class LogsCommand implements Callable<Integer> {

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "kafka, trial-service, biomarker-service, gateway, ...")
  String name;

  @Override
  public Integer call() throws IOException {
    Path logs = cli.config().logs();
    if (name == null) {
      for (String file : list(logs)) {
        spec.commandLine().getOut().println(file);
      }
      spec.commandLine().getOut().flush();
      return 0;
    }
    Path log = cli.config().log(name);
    if (!Files.exists(log)) {
      throw new CliException("no log " + log + "; there are: " + String.join(" ", list(logs)));
    }
    return Processes.runInForeground(
        List.of("tail", "-n", "200", "-f", log.toString()), Map.of(), cli.config().root());
  }

  static List<String> list(Path logs) throws IOException {
    if (!Files.isDirectory(logs)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(logs)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
