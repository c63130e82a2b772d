package org.psybiome.devtools;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.psybiome.client.ApiClient;
import org.psybiome.client.ApiException;
import org.psybiome.client.ApiResponse;
import org.psybiome.client.api.ParticipantsApi;
import org.psybiome.client.api.TrialsApi;
import org.psybiome.client.model.Enrolment;
import org.psybiome.client.model.StatusChange;
import org.psybiome.client.model.TrialContent;
import org.psybiome.client.model.TrialStatus;
import org.psybiome.client.model.TrialView;

/**
 * {@code ./psybiome up --demo}: registers the demo trials of {@code demo/trials} through the
 * gateway, as a consortium's registrant would, enrols participants in every arm (with their strata
 * only, where the trial declares its randomisation and the registry allocates), and posts their
 * results as the consortium's lab pipeline would ({@link DemoResults}). A trial whose secondary ids
 * are already claimed was registered before; only its missing results are loaded. Every call goes
 * through the client generated from the API's contract (api/client).
 */
public final class DemoLoader {

  static final String CONSORTIUM = "MINDGUT";
  static final int PARTICIPANTS_PER_ARM = 12;

  private final ApiClient client;
  private final TrialsApi trials;
  private final ParticipantsApi enrolments;
  private final ParticipantsApi allocations;
  private final DemoResults results;

  DemoLoader(URI gateway, String token, String pipelineToken, String statisticianToken) {
    this.client = ApiClients.of(gateway, token, Duration.ofSeconds(30));
    this.trials = new TrialsApi(client);
    this.enrolments = new ParticipantsApi(client);
    this.allocations =
        new ParticipantsApi(ApiClients.of(gateway, statisticianToken, Duration.ofSeconds(30)));
    this.results = new DemoResults(gateway, pipelineToken);
  }

  /**
   * Loads every trial of {@code demoDir/trials} through the gateway, with tokens signed by the
   * local key pair in {@code keysDir}.
   */
  public static void loadAll(URI gateway, Path keysDir, Path demoDir) throws Exception {
    loadAll(gateway, keysDir, demoDir, Tokens.DEFAULT_ISSUER);
  }

  /**
   * As {@link #loadAll(URI, Path, Path)}, with tokens of {@code issuer}: a stack that trusts
   * another issuer (the system tests' own) can be given the demo too.
   */
  public static void loadAll(URI gateway, Path keysDir, Path demoDir, String issuer)
      throws Exception {
    LocalKeys keys = new LocalKeys(keysDir);
    keys.ensure();
    String token =
        Tokens.mint(
            keys,
            issuer,
            "demo-loader@" + CONSORTIUM,
            "registrant",
            CONSORTIUM,
            Duration.ofMinutes(15));
    // results are posted as the consortium's lab pipeline would
    String pipelineToken =
        Tokens.mint(
            keys, issuer, "demo-lab@" + CONSORTIUM, "pipeline", CONSORTIUM, Duration.ofMinutes(15));
    // the unblinded statistician reads who the registry allocated where (the registrant cannot)
    String statisticianToken =
        Tokens.mint(
            keys,
            issuer,
            "demo-statistician@" + CONSORTIUM,
            "statistician",
            CONSORTIUM,
            Duration.ofMinutes(15));
    DemoLoader demo = new DemoLoader(gateway, token, pipelineToken, statisticianToken);
    List<Path> files;
    try (Stream<Path> listing = Files.list(demoDir.resolve("trials"))) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      demo.load(file);
    }
    CompletedDemoTrials.loadAll(gateway, keys, issuer, demoDir.resolve("completed"));
  }

  void load(Path file) throws Exception {
    String body = Files.readString(file);
    JsonObject registration = json(body);
    String prefix = registration.getString("acronym").replaceAll("[^A-Z0-9]", "");
    Map<String, Integer> participants =
        participants(prefix, registration.getJsonArray("arms").size());
    ApiResponse<TrialView> created;
    try {
      created =
          trials.createTrialWithHttpInfo(
              TrialsApi.APICreateTrialRequest.newBuilder()
                  .trialContent(client.getObjectMapper().readValue(body, TrialContent.class))
                  .build());
    } catch (ApiException e) {
      if (e.getCode() != 409) {
        throw failed(file, e);
      }
      String id = registeredId(registration.getString("acronym"), file);
      System.out.println("  demo trial " + id + " (" + file.getFileName() + "): already loaded");
      try {
        results.load(id, registration, randomised(registration) ? allocated(id) : participants);
      } catch (ApiException allocations) {
        throw failed(file, allocations);
      }
      return;
    }
    TrialView trial = created.getData();
    String id = trial.getId();
    // recruitment began with the first enrolment, one participant a day, and each participant's
    // results are collected on its visits' days after its enrolment (DemoResults), so that visit
    // windows hold and no result predates its participant
    LocalDate recruitingSince = DemoResults.FIRST_VISIT.atZone(ZoneOffset.UTC).toLocalDate();
    try {
      trials.changeTrialStatus(
          TrialsApi.APIChangeTrialStatusRequest.newBuilder()
              .id(id)
              .ifMatch(created.getHeaders().get("ETag").get(0))
              .statusChange(
                  new StatusChange().status(TrialStatus.RECRUITING).effectiveDate(recruitingSince))
              .build());
      int day = 0;
      for (Map.Entry<String, Integer> participant : participants.entrySet()) {
        Enrolment enrolment =
            new Enrolment().code(participant.getKey()).enrolledOn(recruitingSince.plusDays(day++));
        if (randomised(registration)) {
          // the registry allocates: the registrant gives the participant's stratum only
          enrolment.strata(Map.of("CRP", participant.getKey().hashCode() % 3 == 0 ? "GE3" : "LT3"));
        } else {
          enrolment.arm(trial.getArms().get(participant.getValue()).getLabel());
        }
        enrolments.enrolParticipant(
            ParticipantsApi.APIEnrolParticipantRequest.newBuilder()
                .id(id)
                .enrolment(enrolment)
                .build());
      }
      if (randomised(registration)) {
        participants = allocated(id);
      }
    } catch (ApiException e) {
      throw failed(file, e);
    }
    System.out.println(
        "  demo trial "
            + id
            + " ("
            + trial.getAcronym()
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

  /** Whether the registry allocates this trial's participants (it declares its randomisation). */
  private static boolean randomised(JsonObject registration) {
    return registration.getJsonObject("design").containsKey("randomisation");
  }

  /**
   * Each participant's arm index as the registry allocated it, read as the consortium's unblinded
   * statistician: the demo's simulated results differ by arm, as a real lab's would by treatment.
   */
  private Map<String, Integer> allocated(String id) throws ApiException {
    List<String> arms =
        trials.getTrial(TrialsApi.APIGetTrialRequest.newBuilder().id(id).build()).getArms().stream()
            .map(arm -> arm.getCode())
            .toList();
    Map<String, Integer> allocated = new LinkedHashMap<>();
    String pageToken = null;
    do {
      var page =
          allocations.listParticipants(
              ParticipantsApi.APIListParticipantsRequest.newBuilder()
                  .id(id)
                  .pageSize(200)
                  .pageToken(pageToken)
                  .build());
      page.getItems().forEach(p -> allocated.put(p.getCode(), arms.indexOf(p.getArmCode())));
      pageToken = page.getNextPageToken();
    } while (pageToken != null);
    return allocated;
  }

  /** The id of the consortium's trial with this acronym, registered by an earlier run. */
  private String registeredId(String acronym, Path file) {
    try {
      return trials
          .listTrials(
              TrialsApi.APIListTrialsRequest.newBuilder()
                  .consortium(CONSORTIUM)
                  .pageSize(200)
                  .build())
          .getItems()
          .stream()
          .filter(t -> acronym.equals(t.getAcronym()))
          .map(t -> t.getId())
          .findFirst()
          .orElseThrow(
              () -> new IllegalStateException(file.getFileName() + ": registered, but not found"));
    } catch (ApiException e) {
      throw failed(file, e);
    }
  }

  /** The call, its status and the API's answer (a problem document, mostly). */
  private static IllegalStateException failed(Path file, ApiException e) {
    return new IllegalStateException(file.getFileName() + ": " + e.getMessage(), e);
  }

  private static JsonObject json(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
