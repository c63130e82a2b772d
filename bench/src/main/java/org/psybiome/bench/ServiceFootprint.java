package org.psybiome.bench;

import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Startup and memory of each service. Startup: the service alone is stopped and started again with
 * exactly the command line, environment and directory {@code ./psybiome up} gave it (read from
 * /proc), and timed from the spawn of the JVM until /q/health/ready answers 200 (polled every 20
 * ms); Quarkus' own "started in" figure is kept beside it. RSS: VmRSS of the process, read after
 * the other benchmarks have warmed it.
 */
final class ServiceFootprint {

  private static final Pattern STARTED = Pattern.compile("started in (\\d+(?:\\.\\d+)?)s");

  private final Stack stack;
  private final Http http;
  private final Report report;

  ServiceFootprint(Stack stack, Http http, Report report) {
    this.stack = stack;
    this.http = http;
    this.report = report;
  }

  void measureStartup(String service) throws Exception {
    Restart restart = restart(service);
    report.service(service, "startup_s", Report.round(restart.seconds(), 2));
    if (restart.quarkusStartedIn() != null) {
      report.service(service, "quarkus_started_in_s", restart.quarkusStartedIn());
    }
  }

  /** How long a restart took until ready, and Quarkus' own "started in" figure if logged. */
  record Restart(double seconds, Double quarkusStartedIn) {}

  /** Stops the service and starts it again as it was started; returns when it is ready. */
  Restart restart(String service) throws Exception {
    long pid = pid(service);
    List<String> command = readNulSeparated(Path.of("/proc", Long.toString(pid), "cmdline"));
    List<String> environment = readNulSeparated(Path.of("/proc", Long.toString(pid), "environ"));
    Path directory = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
    ProcessHandle old = ProcessHandle.of(pid).orElseThrow();
    old.destroy();
    try {
      old.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      old.destroyForcibly();
      old.onExit().get();
    }
    Path log = stack.logFile(service);
    long logStart = Files.size(log);

    List<String> setsid = new ArrayList<>(List.of("setsid"));
    setsid.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(setsid)
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = builder.environment();
    env.clear();
    for (String entry : environment) {
      int eq = entry.indexOf('=');
      if (eq > 0) {
        env.put(entry.substring(0, eq), entry.substring(eq + 1));
      }
    }
    long start = System.nanoTime();
    Process process = builder.start();
    Files.writeString(stack.pidFile(service), process.pid() + "\n");
    URI ready = stack.serviceUri(service).resolve("/q/health/ready");
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(service + " exited at start; see " + log);
      }
      try {
        if (http.getStatus(ready, null) == 200) {
          break;
        }
      } catch (IllegalStateException notYet) {
        // connection refused until the HTTP server is up
      }
      if (System.nanoTime() - start > 180_000_000_000L) {
        throw new IllegalStateException(service + " not ready within 180 s");
      }
      Thread.sleep(20);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Matcher started = STARTED.matcher(readFrom(log, logStart));
    Progress.say("restart: %s ready %.2f s after its JVM was spawned", service, seconds);
    return new Restart(seconds, started.find() ? Double.parseDouble(started.group(1)) : null);
  }

  void measureRss(String service) throws Exception {
    long pid = pid(service);
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
        report.service(service, "rss_mb", Math.round(kb / 1024.0));
      }
    }
  }

  private long pid(String service) throws Exception {
    return Long.parseLong(Files.readString(stack.pidFile(service)).trim());
  }

  private static List<String> readNulSeparated(Path file) throws Exception {
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    return Arrays.stream(text.split("\0")).filter(s -> !s.isEmpty()).toList();
  }

  private static String readFrom(Path file, long offset) throws Exception {
    byte[] all = Files.readAllBytes(file);
    return new String(
        all,
        (int) Math.min(offset, all.length),
        (int) Math.max(0, all.length - offset),
        StandardCharsets.UTF_8);
  }
}
