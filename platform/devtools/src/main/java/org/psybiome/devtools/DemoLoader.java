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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code ./psybiome up --demo}: registers the demo trials of {@code demo/trials} through the
 * gateway, as a consortium's registrant would, enrols participants in every arm, and posts their
 * results as the consortium's lab pipeline would ({@link DemoResults}). A trial whose secondary ids
 * are already claimed was registered before; only its missing results are loaded.
 */
public final class DemoLoader {

  static final String CONSORTIUM = "MINDGUT";
  static final int PARTICIPANTS_PER_ARM = 12;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI gateway;
  private final String token;
  private final DemoResults results;

  DemoLoader(URI gateway, String token, String pipelineToken) {
    this.gateway = gateway;
    this.token = token;
    this.results = new DemoResults(http, gateway, pipelineToken);
  }

  /**
   * Loads every trial of {@code demoDir/trials} through the gateway, with tokens signed by the
   * local key pair in {@code keysDir}.
   */
  public static void loadAll(URI gateway, Path keysDir, Path demoDir) throws Exception {
    LocalKeys keys = new LocalKeys(keysDir);
    keys.ensure();
    String token =
        Tokens.mint(
            keys,
            Tokens.DEFAULT_ISSUER,
            "demo-loader@" + CONSORTIUM,
            "registrant",
            CONSORTIUM,
            Duration.ofMinutes(15));
    // results are posted as the consortium's lab pipeline would
    String pipelineToken =
        Tokens.mint(
            keys,
            Tokens.DEFAULT_ISSUER,
            "demo-lab@" + CONSORTIUM,
            "pipeline",
            CONSORTIUM,
            Duration.ofMinutes(15));
    DemoLoader demo = new DemoLoader(gateway, token, pipelineToken);
    List<Path> files;
    try (Stream<Path> listing = Files.list(demoDir.resolve("trials"))) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      demo.load(file);
    }
  }

  void load(Path file) throws Exception {
    JsonObject registration = json(Files.readString(file));
    String prefix = registration.getString("acronym").replaceAll("[^A-Z0-9]", "");
    Map<String, Integer> participants =
        participants(prefix, registration.getJsonArray("arms").size());
    HttpResponse<String> created = send("POST", "/api/v1/trials", Files.readString(file), null);
    if (created.statusCode() == 409) {
      String id = registeredId(registration.getString("acronym"), file);
      System.out.println("  demo trial " + id + " (" + file.getFileName() + "): already loaded");
      results.load(id, registration, participants);
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
    for (Map.Entry<String, Integer> participant : participants.entrySet()) {
      HttpResponse<String> enrolment =
          send(
              "POST",
              "/api/v1/trials/" + id + "/participants",
              Json.createObjectBuilder()
                  .add("code", participant.getKey())
                  .add("arm", arms.getJsonObject(participant.getValue()).getString("label"))
                  .add("enrolledOn", today)
                  .build()
                  .toString(),
              null);
      require(enrolment, 201, file);
    }
    System.out.println(
        "  demo trial "
            + id
            + " ("
            + trial.getString("acronym")
            + "): RECRUITING, "
            + participants.size()
            + " participants");
    results.load(id, registration, participants);
  }

  /**
   * Codes and arm indexes, in enrolment order: permuted blocks like a real randomisation list (a
   * code says nothing about its arm), seeded by the acronym so that every run makes the same list.
   */
  static Map<String, Integer> participants(String prefix, int arms) {
    Random random = new Random(prefix.hashCode());
    List<Integer> allocation = new ArrayList<>();
    for (int block = 0; block < PARTICIPANTS_PER_ARM / 2; block++) {
      List<Integer> slots = new ArrayList<>();
      for (int a = 0; a < arms; a++) {
        slots.add(a);
        slots.add(a);
      }
      Collections.shuffle(slots, random);
      allocation.addAll(slots);
    }
    Map<String, Integer> participants = new LinkedHashMap<>();
    for (int arm : allocation) {
      participants.put(String.format("%s-%03d", prefix, participants.size() + 1), arm);
    }
    return participants;
  }

  /** The id of the consortium's trial with this acronym, registered by an earlier run. */
  private String registeredId(String acronym, Path file) throws Exception {
    HttpResponse<String> page =
        send("GET", "/api/v1/trials?consortium=" + CONSORTIUM + "&pageSize=200", null, null);
    require(page, 200, file);
    return json(page.body()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(t -> acronym.equals(t.getString("acronym", null)))
        .map(t -> t.getString("id"))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException(file.getFileName() + ": registered, but not found"));
  }

  private HttpResponse<String> send(String method, String path, String body, String ifMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(gateway.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
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
