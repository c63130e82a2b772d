package org.psybiome.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitQuietTest {

  @Test
  void onlyTheC2ThreadCounts() {
    assertTrue(JitQuiet.isC2("7 (C2 CompilerThre) R 1 1 1 0 -1 0 0 0 0 0 15123 40 0 0"));
    assertFalse(JitQuiet.isC2("8 (C1 CompilerThre) S 1 1 1 0 -1 0 0 0 0 0 900 12 0 0"));
  }

  @Test
  void thisJvmsCompilerIsFoundAndTheWaitIsBounded(@TempDir Path state) throws Exception {
    Path pids = Files.createDirectories(state.resolve("pids"));
    Files.writeString(pids.resolve("gateway.pid"), Long.toString(ProcessHandle.current().pid()));
    assertTrue(JitQuiet.compilerTicks(pids.resolve("gateway.pid")) >= 0, "this JVM has a C2");
    assertEquals(-1, JitQuiet.compilerTicks(pids.resolve("trial-service.pid")));
    Stack stack = new Stack(null, null, null, state, "", "");
    // however busy this JVM's compiler is, the wait ends within the limit and one more window
    Duration waited = JitQuiet.await(stack, Duration.ofSeconds(4), "gateway", "trial-service");
    assertTrue(
        waited.compareTo(Duration.ofSeconds(4).plus(JitQuiet.WINDOW)) < 0, "waited " + waited);
  }
}
