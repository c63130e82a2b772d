package org.psybiome.devtools.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** Stops every process {@code up} started, by its pid file; the data stays. */
@Command(name = "down", description = "Stop every process that `up` started (data is kept).")
final class DownCommand implements Runnable {

  /** The reverse of the start order: nothing is left without what it calls. */
  static final List<String> STOP_ORDER =
      List.of("gateway", "biomarker-service", "trial-service", LocalStack.KAFKA);

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Console out = new Console(spec.commandLine().getOut());
    LocalStack stack = new LocalStack(cli.config(), out);
    for (String name : STOP_ORDER) {
      stack.stop(name);
    }
    out.say("Stopped. Data is kept (PostgreSQL databases, " + cli.config().kafkaDir() + ").");
  }
}
