package org.psybiome.devtools.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One file per process that {@code up} started ({@code .psybiome/pids/NAME.pid}, the pid and a
 * newline), so that {@code down} and {@code status} in another invocation find them. A file whose
 * process is gone, or that holds no pid, is stale: it names nothing that runs.
 */
final class PidFiles {

  private final Path directory;

  PidFiles(Path directory) {
    this.directory = directory;
  }

  Path file(String name) {
    return directory.resolve(name + ".pid");
  }

  void write(String name, long pid) {
    try {
      Files.createDirectories(directory);
      Files.writeString(file(name), pid + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pid recorded for this name, if a readable one is. */
  Optional<Long> read(String name) {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(Files.readString(file).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The process recorded for this name, if it is still alive. */
  Optional<ProcessHandle> running(String name) {
    return read(name).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
  }

  void remove(String name) {
    try {
      Files.deleteIfExists(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
