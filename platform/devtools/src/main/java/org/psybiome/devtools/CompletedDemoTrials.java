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
import java.util.List;
import java.util.Map;
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
import org.psybiome.client.model.Unblinding;

/**
 * The completed demo trials of {@code demo/completed}: small masked probiotic trials of other
 * consortia, run in the past, unblinded and completed, whose owners share their aggregate results,
 * so that the evidence across trials ({@code GET /evidence?outcome=HAMD17}) has something to pool
 * on a fresh demo stack. A file is named {@code CONSORTIUM--name.json}; its trial is registered
 * retrospectively by that consortium's registrant (recruitment from the first day of its {@code
 * dates.studyStart}, one enrolment a day), its results posted by its pipeline, then it is unblinded
 * by its statistician and completed. A trial already registered is left as it is.
 */
final class CompletedDemoTrials {

  private CompletedDemoTrials() {}

  static void loadAll(URI gateway, LocalKeys keys, String issuer, Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path file : files) {
      String consortium = file.getFileName().toString().split("--", 2)[0];
      load(gateway, keys, issuer, consortium, file);
    }
  }

  private static void load(URI gateway, LocalKeys keys, String issuer, String consortium, Path file)
      throws Exception {
    String body = Files.readString(file);
    JsonObject registration;
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      registration = reader.readObject();
    }
    String acronym = registration.getString("acronym");
    ApiClient registrant = client(gateway, keys, issuer, consortium, "registrant");
    TrialsApi trials = new TrialsApi(registrant);
    boolean registered =
        trials
            .listTrials(
                TrialsApi.APIListTrialsRequest.newBuilder()
                    .consortium(consortium)
                    .pageSize(200)
                    .build())
            .getItems()
            .stream()
            .anyMatch(t -> acronym.equals(t.getAcronym()));
    if (registered) {
      System.out.println("  completed demo trial " + acronym + ": already loaded");
      return;
    }
    LocalDate start =
        LocalDate.parse(
            registration.getJsonObject("dates").getJsonObject("studyStart").getString("date")
                + "-01");
    Map<String, Integer> participants =
        DemoLoader.participants(
            acronym.replaceAll("[^A-Z0-9]", ""), registration.getJsonArray("arms").size());
    try {
      ApiResponse<TrialView> created =
          trials.createTrialWithHttpInfo(
              TrialsApi.APICreateTrialRequest.newBuilder()
                  .trialContent(registrant.getObjectMapper().readValue(body, TrialContent.class))
                  .build());
      TrialView trial = created.getData();
      String id = trial.getId();
      String etag = status(trials, id, etag(created), TrialStatus.RECRUITING, start);
      ParticipantsApi enrolments = new ParticipantsApi(registrant);
      int day = 0;
      for (Map.Entry<String, Integer> participant : participants.entrySet()) {
        enrolments.enrolParticipant(
            ParticipantsApi.APIEnrolParticipantRequest.newBuilder()
                .id(id)
                .enrolment(
                    new Enrolment()
                        .code(participant.getKey())
                        .enrolledOn(start.plusDays(day++))
                        .arm(trial.getArms().get(participant.getValue()).getLabel()))
                .build());
      }
      new DemoResults(gateway, token(keys, issuer, consortium, "pipeline"))
          .load(id, registration, participants, start.atTime(8, 0).toInstant(ZoneOffset.UTC));
      // the last participant's end of treatment (day 56), then a month for the last follow-up
      LocalDate lastVisit = start.plusDays(participants.size() - 1 + 56L);
      etag = currentEtag(trials, id);
      etag = status(trials, id, etag, TrialStatus.ACTIVE_NOT_RECRUITING, start.plusDays(day));
      etag = status(trials, id, etag, TrialStatus.COMPLETED, lastVisit.plusDays(30));
      new TrialsApi(client(gateway, keys, issuer, consortium, "statistician"))
          .unblindTrial(
              TrialsApi.APIUnblindTrialRequest.newBuilder()
                  .id(id)
                  .ifMatch(etag)
                  .unblinding(new Unblinding().reason("final analysis of the completed trial"))
                  .build());
      System.out.println(
          "  completed demo trial "
              + id
              + " ("
              + acronym
              + ", "
              + consortium
              + "): COMPLETED, unblinded, results shared");
    } catch (ApiException e) {
      throw new IllegalStateException(file.getFileName() + ": " + e.getMessage(), e);
    }
  }

  private static String status(
      TrialsApi trials, String id, String etag, TrialStatus status, LocalDate effective)
      throws ApiException {
    ApiResponse<TrialView> changed =
        trials.changeTrialStatusWithHttpInfo(
            TrialsApi.APIChangeTrialStatusRequest.newBuilder()
                .id(id)
                .ifMatch(etag)
                .statusChange(
                    new StatusChange()
                        .status(status)
                        .effectiveDate(effective)
                        .reason("demo: the trial's history as it happened"))
                .build());
    return etag(changed);
  }

  private static String currentEtag(TrialsApi trials, String id) throws ApiException {
    return etag(
        trials.getTrialWithHttpInfo(TrialsApi.APIGetTrialRequest.newBuilder().id(id).build()));
  }

  private static String etag(ApiResponse<?> response) {
    return response.getHeaders().get("ETag").get(0);
  }

  private static ApiClient client(
      URI gateway, LocalKeys keys, String issuer, String consortium, String role) throws Exception {
    return ApiClients.of(gateway, token(keys, issuer, consortium, role), Duration.ofSeconds(60));
  }

  private static String token(LocalKeys keys, String issuer, String consortium, String role)
      throws Exception {
    return Tokens.mint(
        keys, issuer, "demo-" + role + "@" + consortium, role, consortium, Duration.ofMinutes(15));
  }
}
