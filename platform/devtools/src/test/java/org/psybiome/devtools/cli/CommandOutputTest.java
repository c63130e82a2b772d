package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.psybiome.devtools.Tokens;
import picocli.CommandLine;

/** The subcommands that need no running stack, executed end to end. */
class CommandOutputTest {

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = PsybiomeCli.commandLine(StackConfig.from(root, Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void tokenPrintsAJwtThatTheLocalPublicKeyVerifies() throws Exception {
    assertEquals(0, run("token", "--role", "reader", "--consortium", "MINDGUT"));
    Path publicKey = root.resolve(".psybiome/keys/jwt-public.pem");
    assertTrue(Files.exists(publicKey), "the key pair is made on first use");
    var jwt =
        new DefaultJWTParser(
                new JWTAuthContextInfo(publicKey.toUri().toString(), Tokens.DEFAULT_ISSUER))
            .parse(out.toString().trim());
    assertEquals("reader@MINDGUT", jwt.getSubject());
    assertEquals(Set.of("reader"), jwt.getGroups());
  }

  @Test
  void tokenRefusesAnUnknownRoleAndAMissingConsortium() {
    assertEquals(2, run("token", "--role", "admin"));
    assertTrue(err.toString().startsWith("psybiome token: --role must be one of"), err.toString());
    assertEquals(2, run("token", "--role", "registrant"));
    assertTrue(
        err.toString().contains("--consortium ID is required for role registrant"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void statusOfAStackThatNeverRan() {
    assertEquals(0, run("status"));
    assertEquals(
        String.join(
            System.lineSeparator(),
            "  kafka              stopped",
            "  trial-service      stopped",
            "  biomarker-service  stopped",
            "  gateway            stopped",
            ""),
        out.toString());
  }

  @Test
  void logsListsTheLogFilesAndRefusesAnUnknownOne() throws Exception {
    Path logs = Files.createDirectories(root.resolve(".psybiome/logs"));
    Files.writeString(logs.resolve("kafka.log"), "");
    Files.writeString(logs.resolve("gateway.log"), "");
    assertEquals(0, run("logs"));
    assertEquals(
        "gateway.log" + System.lineSeparator() + "kafka.log" + System.lineSeparator(),
        out.toString());
    assertEquals(1, run("logs", "nothing"));
    assertTrue(err.toString().startsWith("psybiome: no log "), err.toString());
  }

  @Test
  void withoutACommandItListsThemAll() {
    assertEquals(0, run());
    for (String command :
        new String[] {"up", "down", "status", "token", "logs", "bench", "drills", "api-doc"}) {
      assertTrue(out.toString().contains("  " + command + " "), command + " in " + out);
    }
  }
}
