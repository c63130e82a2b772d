package org.psybiome.devtools.cli;

import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What runs (by pid file), and whether each service answers ready. */
@Command(name = "status", description = "What runs, and whether it is ready.")
final class StatusCommand implements Runnable {

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    Console out = new Console(spec.commandLine().getOut());
    LocalStack stack = new LocalStack(cli.config(), out);
    line(out, LocalStack.KAFKA, stack.running(LocalStack.KAFKA), "");
    for (Service service : Service.values()) {
      Optional<ProcessHandle> process = stack.running(service.id);
      String readiness = process.isEmpty() ? "" : stack.ready(service) ? ", ready" : ", not ready";
      line(out, service.id, process, readiness);
    }
  }

  private static void line(
      Console out, String name, Optional<ProcessHandle> process, String readiness) {
    out.say(
        process
            .map(p -> String.format("  %-18s running (pid %d%s)", name, p.pid(), readiness))
            .orElse(String.format("  %-18s stopped", name)));
  }
}
