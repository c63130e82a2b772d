package org.psybiome.devtools.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./psybiome}: runs the whole Psybiome stack on this machine without Docker (PostgreSQL, a
 * Kafka broker from the Apache Kafka jars, the three services), and the tools around it. The bash
 * wrapper of the same name builds this jar when needed and runs it with the repository root in the
 * system property {@code psybiome.root}.
 */
@Command(
    name = "psybiome",
    usageHelpAutoWidth = true,
    description = "Runs the whole Psybiome stack on this machine without Docker. See README.md.",
    subcommands = {
      UpCommand.class,
      DownCommand.class,
      StatusCommand.class,
      TokenCommand.class,
      LogsCommand.class,
      BenchCommand.class,
      DrillsCommand.class,
      ApiDocCommand.class,
      UploadCommand.class,
      CommandLine.HelpCommand.class
    })
public final class PsybiomeCli implements Runnable {

  private final StackConfig config;

  @Spec CommandSpec spec;

  @Mixin HelpOption help;

  public PsybiomeCli(StackConfig config) {
    this.config = config;
  }

  StackConfig config() {
    return config;
  }

  /** Without a subcommand: the overview of them all. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("psybiome.root", ".")).toAbsolutePath().normalize();
    System.exit(commandLine(StackConfig.from(root, System.getenv())).execute(args));
  }

  /**
   * The configured command line: a wrong option prints "psybiome CMD: ...", the usage and exits 2;
   * a failure the user can act on prints "psybiome: ..." and exits 1, without a stack trace.
   */
  static CommandLine commandLine(StackConfig config) {
    CommandLine cli = new CommandLine(new PsybiomeCli(config));
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof CliException) {
            commandLine.getErr().println("psybiome: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    cli.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine command = e.getCommandLine();
          command
              .getErr()
              .println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage());
          command.usage(command.getErr());
          return command.getCommandSpec().exitCodeOnInvalidInput();
        });
    return cli;
  }
}
