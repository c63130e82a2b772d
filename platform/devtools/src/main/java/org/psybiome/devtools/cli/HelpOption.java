package org.psybiome.devtools.cli;

import picocli.CommandLine.Option;

/** {@code -h/--help} on every command (picocli's own help command has one of its own). */
final class HelpOption {

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "what this command and its options do")
  boolean help;
}
