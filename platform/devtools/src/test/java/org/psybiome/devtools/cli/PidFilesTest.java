package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pid files as {@code up} writes them, and what {@code status} and {@code down} make of them. */
class PidFilesTest {

  @TempDir Path dir;

  @Test
  void writesThePidAndANewlineAndReadsItBack() throws Exception {
    PidFiles pids = new PidFiles(dir.resolve("pids"));
    pids.write("gateway", 4242);
    assertEquals("4242\n", Files.readString(dir.resolve("pids/gateway.pid")));
    assertEquals(Optional.of(4242L), pids.read("gateway"));
  }

  @Test
  void missingOrGarbledFilesNameNoProcess() throws Exception {
    PidFiles pids = new PidFiles(dir);
    assertEquals(Optional.empty(), pids.read("kafka"));
    Files.writeString(dir.resolve("kafka.pid"), "not a pid\n");
    assertEquals(Optional.empty(), pids.read("kafka"));
    assertEquals(Optional.empty(), pids.running("kafka"));
  }

  @Test
  void aStalePidFileOfAProcessThatIsGoneIsNotRunning() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
    PidFiles pids = new PidFiles(dir);
    pids.write("trial-service", gone.pid());
    assertEquals(Optional.of(gone.pid()), pids.read("trial-service"));
    assertEquals(Optional.empty(), pids.running("trial-service"));
  }

  @Test
  void aLiveProcessIsRunningUntilStopped() throws Exception {
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      PidFiles pids = new PidFiles(dir);
      pids.write("sleeper", sleeper.pid());
      assertEquals(Optional.of(sleeper.pid()), pids.running("sleeper").map(ProcessHandle::pid));
      Processes.stop(pids.running("sleeper").orElseThrow());
      assertFalse(sleeper.isAlive(), "SIGTERM ended it");
      assertEquals(Optional.empty(), pids.running("sleeper"));
    } finally {
      sleeper.destroyForcibly();
    }
  }

  @Test
  void downStopsALiveProcessAndDropsAStalePidFileSilently() throws Exception {
    StackConfig config = StackConfig.from(dir, Map.of());
    StringWriter out = new StringWriter();
    LocalStack stack = new LocalStack(config, new Console(new PrintWriter(out)));
    PidFiles pids = new PidFiles(config.pids());

    Process gone = new ProcessBuilder("true").start();
    gone.waitFor(10, TimeUnit.SECONDS);
    pids.write("kafka", gone.pid());
    stack.stop("kafka");
    assertFalse(Files.exists(pids.file("kafka")));
    assertEquals("", out.toString());

    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try {
      pids.write("gateway", sleeper.pid());
      stack.stop("gateway");
      assertFalse(sleeper.isAlive());
      assertFalse(Files.exists(pids.file("gateway")));
      assertEquals(
          "  stopped gateway (pid " + sleeper.pid() + ")" + System.lineSeparator(), out.toString());
    } finally {
      sleeper.destroyForcibly();
    }
  }
}
