package org.psybiome.systemtests.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.psybiome.client.ApiClient;
import org.psybiome.client.api.AnalytesApi;
import org.psybiome.client.api.ResultsApi;
import org.psybiome.client.api.SummariesApi;
import org.psybiome.client.api.TrialsApi;
import org.psybiome.client.model.Analyte;
import org.psybiome.client.model.Batch;
import org.psybiome.client.model.Summary;
import org.psybiome.client.model.TrialPage;
import org.psybiome.client.model.TrialStatus;
import org.psybiome.client.model.TrialView;
import org.psybiome.systemtests.harness.PsybiomeStack;
import org.psybiome.systemtests.harness.StackExtension;
import org.psybiome.systemtests.harness.Tokens;
import org.psybiome.systemtests.harness.Trials;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/**
 * The Java client generated from the committed document ({@code api/client}) against the packaged
 * stack: the calls of its README, with what a client developer would check.
 */
@ExtendWith(StackExtension.class)
class GeneratedClientIT {

  private static final String CONSORTIUM = "CLIENT";
  private static PsybiomeStack stack;
  private static TestTrial trial;

  @BeforeAll
  static void registerTrial(PsybiomeStack running) {
    stack = running;
    Trials trials = new Trials(stack.gatewayUri());
    trial = trials.recruiting(stack.root(), CONSORTIUM, 3);
    trials.awaitKnownToBiomarker(trial);
  }

  private static ApiClient client(String role) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(stack.gatewayUri().toString());
    String token = Tokens.bearer(role, CONSORTIUM);
    client.setRequestInterceptor(request -> request.setHeader("Authorization", token));
    return client;
  }

  @Test
  void listsTrialsOfAConsortiumByStatus() throws Exception {
    TrialPage page =
        new TrialsApi(client("reader"))
            .listTrials(
                TrialsApi.APIListTrialsRequest.newBuilder()
                    .consortium(CONSORTIUM)
                    .status(List.of(TrialStatus.RECRUITING))
                    .pageSize(50)
                    .build());
    assertThat(page.getItems()).extracting(t -> t.getId()).contains(trial.id());
    assertThat(page.getItems()).allMatch(t -> t.getStatus() == TrialStatus.RECRUITING);
  }

  @Test
  void readsATrialWithEveryFieldTypedAndNothingLost() throws Exception {
    ApiClient client = client("reader");
    TrialView view =
        new TrialsApi(client)
            .getTrial(TrialsApi.APIGetTrialRequest.newBuilder().id(trial.id()).build());
    assertThat(view.getStatus()).isEqualTo(TrialStatus.RECRUITING);
    assertThat(view.getArms()).hasSize(2);
    assertThat(view.getPublicTitle()).isNotBlank();

    // Written back by the client's own mapper, the typed record is the JSON the API sent: no
    // field dropped for want of a declaration, none left as an untyped map.
    JsonNode sent =
        Trials.parse(
            given()
                .header("Authorization", Tokens.bearer("reader", CONSORTIUM))
                .get(stack.gatewayUri() + "/api/v1/trials/" + trial.id())
                .asString());
    JsonNode typed = client.getObjectMapper().valueToTree(view);
    assertThat(instantsNormalised(typed)).isEqualTo(instantsNormalised(sent));
  }

  @Test
  void importsAClinicalTrialsGovStudy() throws Exception {
    ApiClient client = client("registrant");
    var document =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            Trials.parse(
                java.nio.file.Files.readString(
                    stack
                        .root()
                        .resolve("trial-service/src/test/resources/ctgov/NCT03418623.json")));
    // a number of this run's own, and a sponsor protocol number to go with it
    String nctId =
        "NCT8"
            + String.format("%07d", Math.abs(java.util.UUID.randomUUID().hashCode()) % 10_000_000);
    var identification =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            document.at("/protocolSection/identificationModule");
    identification.put("nctId", nctId);
    identification.withObject("/orgStudyIdInfo").put("id", "CLIENT-" + nctId);
    org.psybiome.client.model.ClinicalTrialsGovStudy study =
        client
            .getObjectMapper()
            .treeToValue(document, org.psybiome.client.model.ClinicalTrialsGovStudy.class);
    org.psybiome.client.model.ImportResult result =
        new org.psybiome.client.api.ImportsApi(client)
            .importClinicalTrialsGov(
                org.psybiome.client.api.ImportsApi.APIImportClinicalTrialsGovRequest.newBuilder()
                    .clinicalTrialsGovStudy(study)
                    .build());
    // the document says COMPLETED, started 2018-03-08 (ACTUAL), 24 enrolled (ACTUAL)
    assertThat(result.getOutcome().getValue()).isEqualTo("CREATED");
    assertThat(result.getTrial().getStatus()).isEqualTo(TrialStatus.COMPLETED);
    assertThat(result.getTrial().getDates().getStudyStart().getDate()).isEqualTo("2018-03-08");
    assertThat(result.getTrial().getEnrolment().getCount()).isEqualTo(24);
    assertThat(result.getReport().getSourceId()).isEqualTo(nctId);
  }

  @Test
  void readsTheAnalyteCatalogue() throws Exception {
    List<Analyte> inflammation =
        new AnalytesApi(client("reader"))
            .listAnalytes(
                AnalytesApi.APIListAnalytesRequest.newBuilder().panel("INFLAMMATION").build());
    assertThat(inflammation).extracting(Analyte::getCode).contains("IL6", "HSCRP");
    assertThat(inflammation).allMatch(a -> a.getUnit() != null && !a.getUnit().isBlank());
  }

  @Test
  void postsACsvBatchAndReadsItsSummary() throws Exception {
    StringBuilder csv =
        new StringBuilder("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    double[] values = {1.0, 2.0, 4.0, 5.0, 7.0, 11.0};
    for (int i = 0; i < trial.participants().size(); i++) {
      String code = trial.participants().get(i).code();
      csv.append(code)
          .append(",W0,GC-")
          .append(code)
          .append(",2026-01-05T08:00:00Z,TNFA,")
          .append(values[i])
          .append(",pg/mL\n");
    }
    Batch batch =
        new ResultsApi(client("pipeline"))
            .postResults(
                ResultsApi.APIPostResultsRequest.newBuilder()
                    .trialId(trial.id())
                    .body(csv.toString())
                    .idempotencyKey("client-" + trial.id())
                    .build());
    assertThat(batch.getRows()).isEqualTo(6);

    Summary summary =
        new SummariesApi(client("statistician"))
            .getSummary(
                SummariesApi.APIGetSummaryRequest.newBuilder()
                    .trialId(trial.id())
                    .analyte("TNFA")
                    .visit("W0")
                    .by("pooled")
                    .build());
    assertThat(summary.getPooled().getN()).isEqualTo(6);
    // (1 + 2 + 4 + 5 + 7 + 11) / 6 = 5, by hand
    assertThat(summary.getPooled().getMean()).isEqualTo(5.0);
  }

  /**
   * The same JSON in one spelling: an instant written as the client writes it (07:48:10.95951Z for
   * 07:48:10.959510Z), numbers as one parser reads them (a tree built from objects holds a long
   * where the parsed one holds an int).
   */
  private static JsonNode instantsNormalised(JsonNode node) {
    JsonNode copy = node.deepCopy();
    normalise(copy);
    return Trials.parse(copy.toString());
  }

  private static void normalise(JsonNode node) {
    if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
      List<String> names = new java.util.ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isTextual() && value.asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z")) {
          object.put(name, java.time.Instant.parse(value.asText()).toString());
        } else {
          normalise(value);
        }
      }
    } else if (node.isArray()) {
      node.forEach(GeneratedClientIT::normalise);
    }
  }
}
