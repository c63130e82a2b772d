package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** Every subcommand's options, as the README documents them, and what is refused. */
class CommandParsingTest {

  @TempDir Path root;

  private CommandLine cli() {
    return PsybiomeCli.commandLine(StackConfig.from(root, Map.of()));
  }

  @SuppressWarnings("unchecked")
  private <T> T parse(String... args) {
    ParseResult result = cli().parseArgs(args);
    return (T) result.subcommand().commandSpec().userObject();
  }

  @Test
  void up() {
    UpCommand plain = parse("up");
    assertFalse(plain.demo);
    assertFalse(plain.noBuild);
    UpCommand both = parse("up", "--demo", "--no-build");
    assertTrue(both.demo);
    assertTrue(both.noBuild);
    assertThrows(UnmatchedArgumentException.class, () -> parse("up", "--fast"));
  }

  @Test
  void downAndStatusTakeNoArguments() {
    assertTrue(parse("down") instanceof DownCommand);
    assertTrue(parse("status") instanceof StatusCommand);
    assertThrows(UnmatchedArgumentException.class, () -> parse("down", "gateway"));
    assertThrows(UnmatchedArgumentException.class, () -> parse("status", "--all"));
  }

  @Test
  void token() {
    TokenCommand token =
        parse(
            "token",
            "--role",
            "reader",
            "--consortium",
            "MINDGUT",
            "--subject",
            "ana",
            "--ttl",
            "30m");
    assertEquals("reader", token.role);
    assertEquals("MINDGUT", token.consortium);
    assertEquals("ana", token.subject);
    assertEquals(Duration.ofMinutes(30), token.ttl);

    TokenCommand defaults = parse("token", "--role", "curator");
    assertEquals(Duration.ofHours(8), defaults.ttl);
    assertNull(defaults.consortium);
    assertNull(defaults.subject);

    assertThrows(MissingParameterException.class, () -> parse("token", "--consortium", "X"));
    assertThrows(
        ParameterException.class, () -> parse("token", "--role", "reader", "--ttl", "soon"));
    assertThrows(ParameterException.class, () -> parse("token", "--role"));
  }

  @Test
  void logs() {
    assertNull(((LogsCommand) parse("logs")).name);
    assertEquals("gateway", ((LogsCommand) parse("logs", "gateway")).name);
    assertThrows(UnmatchedArgumentException.class, () -> parse("logs", "gateway", "kafka"));
  }

  @Test
  void bench() {
    BenchCommand bench =
        parse("bench", "--quick", "--keep", "--only", "ingest,search", "--out", "/tmp/b.json");
    assertTrue(bench.quick);
    assertTrue(bench.keep);
    assertFalse(bench.clean);
    assertEquals(List.of("ingest", "search"), bench.only);
    assertEquals(Path.of("/tmp/b.json"), bench.out);

    BenchCommand clean = parse("bench", "--clean");
    assertTrue(clean.clean);
    assertFalse(clean.quick);
    assertNull(clean.only);
    assertThrows(UnmatchedArgumentException.class, () -> parse("bench", "--slow"));
  }

  @Test
  void drills() {
    assertEquals("*Drill", ((DrillsCommand) parse("drills")).only);
    assertEquals("KafkaOutageDrill", ((DrillsCommand) parse("drills", "KafkaOutageDrill")).only);
    assertThrows(UnmatchedArgumentException.class, () -> parse("drills", "A", "B"));
  }

  @Test
  void apiDoc() {
    ApiDocCommand plain = parse("api-doc");
    assertEquals(java.net.URI.create("http://127.0.0.1:8080/openapi.json"), plain.gateway);
    assertFalse(plain.check);
    ApiDocCommand check = parse("api-doc", "--gateway", "http://127.0.0.1:18080", "--check");
    assertEquals(java.net.URI.create("http://127.0.0.1:18080"), check.gateway);
    assertTrue(check.check);
    assertThrows(UnmatchedArgumentException.class, () -> parse("api-doc", "--write"));
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThrows(UnmatchedArgumentException.class, () -> cli().parseArgs("start"));
    assertEquals(2, quiet(cli()).execute("start"));
  }

  private static CommandLine quiet(CommandLine cli) {
    cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    return cli;
  }

  @Test
  void upload() {
    UploadCommand upload = parse("upload", "--trial", "PSB-2026-000042", "results.csv");
    assertEquals("PSB-2026-000042", upload.trial);
    assertEquals(Path.of("results.csv"), upload.file);
    assertEquals("http://127.0.0.1:8080", upload.gateway.toString());
    assertEquals(100_000, upload.batchRows);
    assertEquals(32, upload.batchMb);
    assertEquals(8, upload.maxAttempts);
    assertEquals(60, upload.maxWait);
    assertFalse(upload.dryRun);
    assertNull(upload.token);

    UploadCommand all =
        parse(
            "upload",
            "--trial",
            "PSB-1",
            "--gateway",
            "https://api.example.org",
            "--token",
            "T",
            "--batch-rows",
            "5000",
            "--dry-run",
            "--progress",
            "lines",
            "r.ndjson");
    assertEquals("https://api.example.org", all.gateway.toString());
    assertEquals("T", all.token);
    assertEquals(5000, all.batchRows);
    assertTrue(all.dryRun);
    assertEquals("lines", all.progressMode);

    assertThrows(MissingParameterException.class, () -> parse("upload", "r.csv"));
    assertThrows(MissingParameterException.class, () -> parse("upload", "--trial", "PSB-1"));
    assertThrows(
        ParameterException.class,
        () -> parse("upload", "--trial", "PSB-1", "--batch-rows", "many", "r.csv"));
  }

  @Test
  void uploadRefusesWhatItCannotSendWithDocumentedExitCodes() throws Exception {
    java.nio.file.Files.writeString(root.resolve("r.txt"), "x");
    java.nio.file.Files.writeString(root.resolve("r.csv"), "participant\n");
    CommandLine cli = cli();
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setErr(new java.io.PrintWriter(err));
    cli.setOut(new java.io.PrintWriter(new java.io.StringWriter()));
    // usage: not a results file, or more rows per batch than the service takes
    assertEquals(2, cli.execute("upload", "--trial", "PSB-1", root.resolve("r.txt").toString()));
    assertEquals(
        2, cli.execute("upload", "--trial", "PSB-1", "--batch-rows", "100001", root + "/r.csv"));
    // a file that is not there
    assertEquals(1, cli.execute("upload", "--trial", "PSB-1", root + "/missing.csv"));
    // auth: no --token, no PSYBIOME_TOKEN (the test's environment has none set by StackConfig),
    // and no --consortium for a local token
    UploadCommand command = (UploadCommand) cli.getSubcommands().get("upload").getCommand();
    command.environment = name -> null;
    assertEquals(4, cli.execute("upload", "--trial", "PSB-1", root + "/r.csv"));
    assertTrue(err.toString().contains("no token"), err.toString());
    // a picocli option error is usage too
    assertEquals(2, cli.execute("upload", "--trial", "PSB-1", "--nope", root + "/r.csv"));
  }

  @Test
  void aLocalTokenIsSignedOnlyForALoopbackGateway() {
    assertTrue(UploadCommand.isLoopback(java.net.URI.create("http://127.0.0.1:8080")));
    assertTrue(UploadCommand.isLoopback(java.net.URI.create("http://localhost:8080")));
    assertFalse(UploadCommand.isLoopback(java.net.URI.create("https://192.0.2.1")));
  }
}
