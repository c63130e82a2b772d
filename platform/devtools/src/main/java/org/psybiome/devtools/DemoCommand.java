package org.psybiome.devtools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code ./psybiome up --demo}: registers the demo trials of {@code demo/trials} through the
 * gateway, as a consortium's registrant would, and enrols participants in every arm. A trial whose
 * secondary ids are already claimed was loaded before and is left alone.
 */
public final class DemoCommand {

  static final String CONSORTIUM = "MINDGUT";
  static final int PARTICIPANTS_PER_ARM = 12;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI gateway;
  private final String token;

  DemoCommand(URI gateway, String token) {
    this.gateway = gateway;
    this.token = token;
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: DemoCommand GATEWAY_URL KEYS_DIR DEMO_DIR");
      System.exit(2);
    }
    LocalKeys keys = new LocalKeys(Path.of(args[1]));
    keys.ensure();
    String token =
        TokenCommand.mint(
            keys,
            TokenCommand.DEFAULT_ISSUER,
            "demo-loader@" + CONSORTIUM,
            "registrant",
            CONSORTIUM,
            Duration.ofMinutes(15));
    DemoCommand demo = new DemoCommand(URI.create(args[0]), token);
    List<Path> files;
    try (Stream<Path> listing = Files.list(Path.of(args[2], "trials"))) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      demo.load(file);
    }
  }

  void load(Path file) throws Exception {
    HttpResponse<String> created = send("POST", "/api/v1/trials", Files.readString(file), null);
    if (created.statusCode() == 409) {
      System.out.println("  demo trial " + file.getFileName() + ": already loaded");
      return;
    }
    require(created, 201, file);
    JsonObject trial = json(created.body());
    String id = trial.getString("id");
    String today = LocalDate.now().toString();
    HttpResponse<String> recruiting =
        send(
            "POST",
            "/api/v1/trials/" + id + "/status",
            "{\"status\":\"RECRUITING\",\"effectiveDate\":\"" + today + "\"}",
            created.headers().firstValue("ETag").orElseThrow());
    require(recruiting, 200, file);
    var arms = trial.getJsonArray("arms");
    String prefix = trial.getString("acronym").replaceAll("[^A-Z0-9]", "");
    // Permuted blocks, like a real randomisation list: a code says nothing about its arm.
    Random random = new Random(prefix.hashCode());
    List<Integer> allocation = new ArrayList<>();
    for (int block = 0; block < PARTICIPANTS_PER_ARM / 2; block++) {
      List<Integer> slots = new ArrayList<>();
      for (int a = 0; a < arms.size(); a++) {
        slots.add(a);
        slots.add(a);
      }
      Collections.shuffle(slots, random);
      allocation.addAll(slots);
    }
    int enrolled = 0;
    for (int arm : allocation) {
      String code = String.format("%s-%03d", prefix, enrolled + 1);
      HttpResponse<String> enrolment =
          send(
              "POST",
              "/api/v1/trials/" + id + "/participants",
              Json.createObjectBuilder()
                  .add("code", code)
                  .add("arm", arms.getJsonObject(arm).getString("label"))
                  .add("enrolledOn", today)
                  .build()
                  .toString(),
              null);
      require(enrolment, 201, file);
      enrolled++;
    }
    System.out.println(
        "  demo trial "
            + id
            + " ("
            + trial.getString("acronym")
            + "): RECRUITING, "
            + enrolled
            + " participants");
  }

  private HttpResponse<String> send(String method, String path, String body, String ifMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void require(HttpResponse<String> response, int status, Path file) {
    if (response.statusCode() != status) {
      throw new IllegalStateException(
          file.getFileName()
              + ": "
              + response.request().method()
              + " "
              + response.uri()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
