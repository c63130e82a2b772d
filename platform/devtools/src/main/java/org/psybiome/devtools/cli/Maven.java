package org.psybiome.devtools.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the Maven wrapper of the repository in the foreground; Maven decides what is stale. */
final class Maven {

  private Maven() {}

  static List<String> command(Path root, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("mvnw").toString());
    command.addAll(args);
    return command;
  }

  static void run(Path root, List<String> args, String failure) {
    run(root, args, Map.of(), failure);
  }

  static void run(Path root, List<String> args, Map<String, String> env, String failure) {
    if (Processes.runInForeground(command(root, args), env, root) != 0) {
      throw new CliException(failure);
    }
  }
}
