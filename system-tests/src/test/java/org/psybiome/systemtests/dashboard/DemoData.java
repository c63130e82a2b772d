package org.psybiome.systemtests.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.psybiome.devtools.DemoLoader;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.testsupport.TestKeys;
import org.psybiome.testsupport.TestTokens;

/**
 * The demo of {@code ./psybiome up --demo} on the test stack, loaded by its own loader with tokens
 * of the run's key pair. Loading again is harmless: the loader skips trials already registered.
 */
final class DemoData {

  static final String CONSORTIUM = "MINDGUT";
  static final String ACRONYM = "PROBIO-DEP";

  private DemoData() {}

  /** Loads the demo and returns the id of its masked trial {@link #ACRONYM}. */
  static String load(PsybiomeStack stack) throws Exception {
    Path keys = Files.createTempDirectory("psybiome-demo-keys-");
    var pair = TestKeys.get().trusted();
    Files.writeString(
        keys.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
    Files.writeString(
        keys.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    DemoLoader.loadAll(stack.gatewayUri(), keys, stack.root().resolve("demo"), TestTokens.ISSUER);
    String gateway = stack.gatewayUri().toString().replaceAll("/$", "");
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            gateway + "/api/v1/trials?consortium=" + CONSORTIUM + "&q=" + ACRONYM))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (page.statusCode() != 200) {
      throw new IllegalStateException("trial search answered " + page.statusCode());
    }
    for (JsonNode trial : Trials.parse(page.body()).get("items")) {
      if (ACRONYM.equals(trial.path("acronym").asText())) {
        return trial.get("id").asText();
      }
    }
    throw new IllegalStateException("the demo has no trial " + ACRONYM);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
