package org.psybiome.devtools.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.psybiome.devtools.apidoc.ApiDocuments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Refreshes the committed API contract, api/openapi.json, from the merged document a running
 * gateway serves, in the form {@link ApiDocuments#normalise} gives it; or, with {@code --check},
 * only says whether the two differ.
 */
@Command(
    name = "api-doc",
    description = {
      "Fetch the merged OpenAPI document from a running gateway and write it to api/openapi.json"
          + " (normalised: 2-space indent, the local server, no x-psybiome-missing-services);"
          + " with --check, only compare."
    })
final class ApiDocCommand implements Callable<Integer> {

  static final String DEFAULT_GATEWAY = "http://127.0.0.1:8080/openapi.json";

  /** How many differing JSON pointers a failed check names before it counts the rest. */
  static final int SHOWN_DIFFERENCES = 20;

  @ParentCommand PsybiomeCli cli;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(
      names = "--gateway",
      paramLabel = "URL",
      defaultValue = DEFAULT_GATEWAY,
      description =
          "the merged document's address, or the gateway's (then /openapi.json is added)"
              + " (default: ${DEFAULT-VALUE})")
  URI gateway;

  @Option(
      names = "--check",
      description =
          "write nothing: exit 1 naming the JSON pointers where api/openapi.json differs from"
              + " what the gateway serves")
  boolean check;

  @Override
  public Integer call() throws Exception {
    Console out = new Console(spec.commandLine().getOut());
    URI source = documentUri(gateway);
    String served;
    try {
      served = ApiDocuments.normalise(fetch(source));
    } catch (IllegalArgumentException e) {
      throw new CliException(source + ": " + e.getMessage());
    }
    Path file = cli.config().root().resolve("api/openapi.json");
    String committed = Files.exists(file) ? Files.readString(file) : null;
    if (served.equals(committed)) {
      out.say("api/openapi.json is what " + source + " serves");
      return 0;
    }
    if (check) {
      if (committed == null) {
        throw new CliException("api/openapi.json does not exist; run ./psybiome api-doc");
      }
      throw new CliException(mismatch(committed, served, source));
    }
    Files.writeString(file, served);
    out.say("wrote api/openapi.json from " + source);
    return 0;
  }

  /** The message of a failed check: the differing pointers, or that only the printing differs. */
  static String mismatch(String committed, String served, URI source) {
    List<String> pointers;
    try {
      pointers = ApiDocuments.differences(committed, served);
    } catch (IllegalArgumentException e) {
      return "api/openapi.json is not JSON; run ./psybiome api-doc";
    }
    if (pointers.isEmpty()) {
      return "api/openapi.json holds what "
          + source
          + " serves, but not in normal form; run ./psybiome api-doc";
    }
    StringBuilder message =
        new StringBuilder("api/openapi.json differs from what ")
            .append(source)
            .append(" serves at ")
            .append(pointers.size() == 1 ? "1 place" : pointers.size() + " places")
            .append(" (run ./psybiome api-doc to take the served one):");
    pointers.stream()
        .limit(SHOWN_DIFFERENCES)
        .forEach(p -> message.append(System.lineSeparator()).append("  ").append(p));
    if (pointers.size() > SHOWN_DIFFERENCES) {
      message
          .append(System.lineSeparator())
          .append("  ... and ")
          .append(pointers.size() - SHOWN_DIFFERENCES)
          .append(" more");
    }
    return message.toString();
  }

  /** A gateway's address names its merged document. */
  static URI documentUri(URI gateway) {
    String path = gateway.getPath();
    return path == null || path.isEmpty() || path.equals("/")
        ? gateway.resolve("/openapi.json")
        : gateway;
  }

  private static String fetch(URI source) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(source)
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json")
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          "could not fetch " + source + " (" + e + "); is the stack up? ./psybiome up", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while fetching " + source, e);
    }
    if (response.statusCode() != 200) {
      throw new CliException(
          source + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
