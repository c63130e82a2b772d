package org.psybiome.systemtests.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where bytes sent but not yet read wait: the kernel's socket queues (ss: Recv-Q, Send-Q) on the
 * connections of the gateway's and biomarker-service's ports, and the resident memory of the two
 * processes and of this test JVM's heap. Diagnostic figures for a drill's file, asserted nothing.
 */
final class BufferedBytes {

  private static final Pattern PID = Pattern.compile("pid=(\\d+)");

  private BufferedBytes() {}

  static String snapshot(int gatewayPort, int biomarkerPort) {
    long[] toClients = new long[2];
    long[] gatewayBiomarker = new long[2];
    for (String line : run("ss", "-tnH").split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length < 5 || !f[0].equals("ESTAB")) {
        continue;
      }
      long recv = Long.parseLong(f[1]);
      long send = Long.parseLong(f[2]);
      int local = port(f[3]);
      int peer = port(f[4]);
      if (local == gatewayPort || peer == gatewayPort) {
        toClients[0] += recv;
        toClients[1] += send;
      } else if (local == biomarkerPort || peer == biomarkerPort) {
        gatewayBiomarker[0] += recv;
        gatewayBiomarker[1] += send;
      }
    }
    Runtime jvm = Runtime.getRuntime();
    return String.format(
        "socket queues client↔gateway Recv-Q %d KB, Send-Q %d KB; gateway↔biomarker-service"
            + " Recv-Q %d KB, Send-Q %d KB; resident memory gateway %s KB, biomarker-service %s"
            + " KB; this JVM's heap in use %d MB",
        toClients[0] / 1024,
        toClients[1] / 1024,
        gatewayBiomarker[0] / 1024,
        gatewayBiomarker[1] / 1024,
        rss(gatewayPort),
        rss(biomarkerPort),
        (jvm.totalMemory() - jvm.freeMemory()) / (1024 * 1024));
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  private static String rss(int listeningPort) {
    Matcher pid = PID.matcher(run("ss", "-ltnpH", "sport = :" + listeningPort));
    return pid.find() ? run("ps", "-o", "rss=", "-p", pid.group(1)).trim() : "?";
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor();
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
