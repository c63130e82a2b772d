package org.psybiome.devtools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code api-doc} against a tiny server that plays the gateway's /openapi.json. */
class ApiDocCommandTest {

  private static final String COMMITTED =
      """
      {
        "openapi": "3.1.0",
        "info": {
          "title": "Psybiome API",
          "version": "1"
        },
        "servers": [
          {
            "url": "http://127.0.0.1:8080",
            "description": "the local stack of ./psybiome up; a deployment names its own"
          }
        ],
        "paths": {}
      }
      """;

  @TempDir Path root;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private HttpServer server;
  private volatile String served;

  @BeforeEach
  void gateway() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/openapi.json",
        exchange -> {
          byte[] body = served.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    Files.createDirectories(root.resolve("api"));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private int run(String... args) {
    CommandLine cli = PsybiomeCli.commandLine(StackConfig.from(root, Map.of()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String gateway = "http://127.0.0.1:" + server.getAddress().getPort();
    String[] all = new String[args.length + 3];
    all[0] = "api-doc";
    all[1] = "--gateway";
    all[2] = gateway;
    System.arraycopy(args, 0, all, 3, args.length);
    return cli.execute(all);
  }

  @Test
  void writesTheServedDocumentInCommittedFormThenChecksItClean() throws Exception {
    served =
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Psybiome API\",\"version\":\"1\"},"
            + "\"servers\":[{\"url\":\"/\"}],\"paths\":{},\"x-psybiome-missing-services\":[]}";
    assertEquals(0, run());
    assertEquals(COMMITTED, Files.readString(root.resolve("api/openapi.json")));
    assertEquals(0, run("--check"));
    assertTrue(out.toString().contains("api/openapi.json is what "), out.toString());
  }

  @Test
  void checkNamesTheDifferingPointersAndWritesNothing() throws Exception {
    Path file = Files.writeString(root.resolve("api/openapi.json"), COMMITTED);
    served =
        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Psybiome API\",\"version\":\"2\"},"
            + "\"paths\":{\"/api/v1/trials\":{}}}";
    assertEquals(1, run("--check"));
    assertEquals(
        String.join(
            System.lineSeparator(),
            "psybiome: api/openapi.json differs from what http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/openapi.json serves at 2 places (run ./psybiome api-doc to take the served"
                + " one):",
            "  /info/version",
            "  /paths/~1api~1v1~1trials",
            ""),
        err.toString());
    assertEquals(COMMITTED, Files.readString(file));
  }

  @Test
  void refusesADocumentWithMissingServices() throws Exception {
    served = "{\"openapi\":\"3.1.0\",\"x-psybiome-missing-services\":[\"trial-service\"]}";
    assertEquals(1, run());
    assertTrue(err.toString().contains("trial-service"), err.toString());
    assertFalse(Files.exists(root.resolve("api/openapi.json")));
  }
}
