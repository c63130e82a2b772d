package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench run records its commit with "-dirty" when the code measured is not that commit: a
 * changed, staged or new file counts; the results the bench writes under bench/results do not.
 */
class BenchCommitTest {

  @TempDir Path repo;

  @Test
  void onlyChangesOutsideTheBenchResultsMakeTheTreeDirty() throws Exception {
    git("init", "-q");
    Files.writeString(repo.resolve("Service.java"), "class Service {}\n");
    Files.createDirectories(repo.resolve("bench/results"));
    Files.writeString(repo.resolve("bench/results/latest.json"), "{}\n");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "first");
    assertFalse(BenchCommand.uncommittedChanges(repo), "just committed");

    Files.writeString(repo.resolve("bench/results/latest.json"), "{\"run\": 2}\n");
    Files.writeString(repo.resolve("bench/results/run-2.json"), "{}\n");
    assertFalse(BenchCommand.uncommittedChanges(repo), "the bench's own output");

    Files.writeString(repo.resolve("V15__new.sql"), "SELECT 1;\n");
    assertTrue(BenchCommand.uncommittedChanges(repo), "a new file");
    Files.delete(repo.resolve("V15__new.sql"));
    Files.writeString(repo.resolve("Service.java"), "class Service { int changed; }\n");
    assertTrue(BenchCommand.uncommittedChanges(repo), "a changed file");
  }

  private void git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).directory(repo.toFile()).inheritIO().start();
    assertEquals(0, process.waitFor(), String.join(" ", command));
  }
}
