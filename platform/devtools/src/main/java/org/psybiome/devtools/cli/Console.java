package org.psybiome.devtools.cli;

import java.io.PrintWriter;

/** Where a command reports progress: picocli's output writer, so that tests can capture it. */
record Console(PrintWriter out) {

  void say(String line) {
    out.println(line);
    out.flush();
  }
}
