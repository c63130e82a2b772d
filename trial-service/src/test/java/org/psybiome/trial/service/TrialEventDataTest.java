package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.demo;
import static org.psybiome.trial.service.TrialRecords.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.DatedStatus;
import org.psybiome.trial.model.Trial;
import org.psybiome.trial.model.TrialContent;
import org.psybiome.trial.model.TrialStatus;
import org.psybiome.trial.service.events.TrialEventMapper;

/**
 * The data of the trial events byte for byte, as the v1 schemas in docs/events describe it and as
 * it was published when the API's TrialView was the event's trial: assigned properties first, in
 * the documented order, then the record's items in their order.
 */
class TrialEventDataTest {

  /** Configured as Quarkus configures the application's ObjectMapper, which the outbox uses. */
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);

  private static final TrialEventMapper EVENTS = TrialEventMapper.INSTANCE;

  private static Trial trial(TrialContent content, List<DatedStatus> history) {
    return new Trial(
        "PSB-2026-000001",
        "uk-gut-brain",
        TrialStatus.SUSPENDED,
        4,
        LocalDate.parse("2026-03-01"),
        2,
        true,
        null,
        history,
        Instant.parse("2026-02-20T09:30:00Z"),
        Instant.parse("2026-04-01T08:00:00Z"),
        content,
        null,
        null,
        null);
  }

  private static final List<DatedStatus> HISTORY =
      List.of(
          new DatedStatus(
              TrialStatus.RECRUITING,
              LocalDate.parse("2026-03-01"),
              null,
              Instant.parse("2026-03-01T12:00:00Z")),
          new DatedStatus(
              TrialStatus.SUSPENDED,
              LocalDate.parse("2026-03-31"),
              "supply of capsules interrupted",
              Instant.parse("2026-04-01T08:00:00Z")));

  @Test
  void theRegisteredTrialIsWrittenInTheDocumentedOrder() throws Exception {
    Trial trial =
        trial(record("{'publicTitle': 'Probiotic in MDD', 'countries': ['GB']}"), HISTORY);
    String expected =
        """
        {"trial":{"id":"PSB-2026-000001","primaryRegistry":"Psybiome","consortium":"uk-gut-brain",\
        "status":"SUSPENDED","version":4,"registeredOn":"2026-03-01","actualEnrolment":2,\
        "blinded":true,"unblindedAt":null,"statusHistory":[\
        {"status":"RECRUITING","effectiveDate":"2026-03-01","reason":null,\
        "recordedAt":"2026-03-01T12:00:00Z"},\
        {"status":"SUSPENDED","effectiveDate":"2026-03-31","reason":"supply of capsules interrupted",\
        "recordedAt":"2026-04-01T08:00:00Z"}],\
        "createdAt":"2026-02-20T09:30:00Z","updatedAt":"2026-04-01T08:00:00Z",\
        "lastKnownStatus":null,"registrationTiming":null,\
        "secondaryIds":[],"sourcesOfSupport":[],"primarySponsor":null,"secondarySponsors":[],\
        "publicContact":null,"scientificContact":null,"publicTitle":"Probiotic in MDD",\
        "scientificTitle":null,"acronym":null,"countries":["GB"],"conditions":[],\
        "interventions":[],"eligibility":null,"design":null,"anticipatedFirstEnrolment":null,\
        "targetSampleSize":null,"primaryOutcomes":[],"secondaryOutcomes":null,\
        "ethicsReview":null,"completionDate":null,"summaryResults":null,"ipdSharing":null,\
        "arms":[],"schedule":null,\
        "dates":null,"enrolment":null,"briefSummary":null,"detailedDescription":null,\
        "keywords":[],"primarySponsorClass":null,"collaborators":[],"responsibleParty":null,\
        "overallOfficials":[],"sites":[],"oversight":null,"otherOutcomes":[],"ethicsReviews":[],\
        "references":[],"links":[],"originalRegistration":null,"analysisPlan":null,\
        "resultsSharing":null}}""";
    assertThat(JSON.writeValueAsString(EVENTS.registered(trial))).isEqualTo(expected);
  }

  @Test
  void thePublishedTrialIsWhatTheApiShowsOfIt() throws Exception {
    // Both are separate types; they agree, as trial-view.schema.json says, but for the import's
    // source document, which is provenance and not published.
    for (String name :
        List.of(
            "probiotic-adjunct-mdd",
            "fmt-treatment-resistant-depression",
            "mediterranean-diet-gad")) {
      Trial trial = trial(record(demo(name)), HISTORY);
      var view =
          (com.fasterxml.jackson.databind.node.ObjectNode) JSON.valueToTree(TrialViews.view(trial));
      view.remove("source");
      assertThat(JSON.<com.fasterxml.jackson.databind.JsonNode>valueToTree(EVENTS.published(trial)))
          .as(name)
          .isEqualTo(view);
    }
  }

  @Test
  void theUpdateCarriesTheVersionAndTheRecord() throws Exception {
    Trial trial = trial(record("{}"), HISTORY);
    assertThat(JSON.readTree(JSON.writeValueAsString(EVENTS.updated(trial))).fieldNames())
        .toIterable()
        .containsExactly("version", "trial");
    assertThat(EVENTS.updated(trial).version()).isEqualTo(4);
  }

  @Test
  void aStatusChangeIsTheLatestEntryOfTheHistory() throws Exception {
    Trial trial = trial(record("{}"), HISTORY);
    assertThat(JSON.writeValueAsString(EVENTS.statusChanged(trial, TrialStatus.RECRUITING)))
        .isEqualTo(
            """
            {"trialId":"PSB-2026-000001","version":4,"from":"RECRUITING","to":"SUSPENDED",\
            "effectiveDate":"2026-03-31","reason":"supply of capsules interrupted"}""");
  }

  @Test
  void anUnblindingSaysWhenAndWhy() throws Exception {
    Trial blinded = trial(record("{}"), HISTORY);
    Trial unblinded =
        new Trial(
            blinded.id(),
            blinded.consortium(),
            blinded.status(),
            5,
            blinded.registeredOn(),
            blinded.actualEnrolment(),
            false,
            Instant.parse("2026-04-02T10:15:30Z"),
            blinded.statusHistory(),
            blinded.createdAt(),
            Instant.parse("2026-04-02T10:15:30Z"),
            blinded.content(),
            null,
            null,
            null);
    assertThat(JSON.writeValueAsString(EVENTS.unblinded(unblinded, "final analysis")))
        .isEqualTo(
            """
            {"trialId":"PSB-2026-000001","version":5,"unblindedAt":"2026-04-02T10:15:30Z",\
            "reason":"final analysis"}""");
  }
}
