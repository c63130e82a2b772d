package org.psybiome.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.psybiome.common.security.Roles;
import org.psybiome.testsupport.TestTokens;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The CONSORT flow composed by the gateway against stand-in services with fixed bodies: trial-
 * service's counts pass through, the analysis box is filled from biomarker-service's summaries
 * (worked by hand below), and the SVG diagram is a well-formed document that shows what the JSON
 * shows and nothing more.
 */
@QuarkusTest
class ConsortDiagramTest {

  private static final String TRIAL = "PSB-2026-000200";
  private static final String TRIAL_PATH = "/api/v1/trials/" + TRIAL;

  private final UpstreamStandIns.StandIn trials = UpstreamStandIns.get("trial-service");
  private final UpstreamStandIns.StandIn biomarkers = UpstreamStandIns.get("biomarker-service");

  private static JsonObject counts(long allocated, long received) {
    return new JsonObject()
        .put("allocated", allocated)
        .put("received", received)
        .put("didNotReceive", reasons(allocated - received, "vomiting <sachet> & \"nausea\""))
        .put("discontinued", reasons(1, "adverse event"))
        .put("lostToFollowUp", 1)
        .put("withdrewConsent", reasons(0, null))
        .put("completed", received - 2)
        .put("emergencyUnblinded", 0);
  }

  private static JsonObject reasons(long n, String reason) {
    JsonArray list = new JsonArray();
    if (n > 0 && reason != null) {
      list.add(new JsonObject().put("reason", reason).put("n", n));
    }
    return new JsonObject().put("n", n).put("reasons", list);
  }

  private static JsonObject flow(boolean blinded) {
    JsonArray arms = new JsonArray();
    if (!blinded) {
      arms.add(
          new JsonObject()
              .put("armCode", "PROBIOTIC")
              .put("label", "Probiotic")
              .put("counts", counts(12, 11)));
      arms.add(
          new JsonObject()
              .put("armCode", "PLACEBO")
              .put("label", "Placebo")
              .put("counts", counts(10, 10)));
    }
    return new JsonObject()
        .put("trialId", TRIAL)
        .put("blinded", blinded)
        .put(
            "eligibility",
            new JsonObject()
                .put("assessed", 40)
                .put("excluded", 18)
                .put("notMeetingInclusionCriteria", 12)
                .put("declinedToParticipate", 4)
                .put("otherReasons", reasons(2, "moved away")))
        .put("pooled", counts(22, 21))
        .put("arms", arms);
  }

  private static JsonObject record() {
    JsonArray visits =
        new JsonArray()
            .add(new JsonObject().put("code", "W8").put("dayOffset", 56))
            .add(new JsonObject().put("code", "W0").put("dayOffset", 0).put("baseline", true))
            .add(new JsonObject().put("code", "W4").put("dayOffset", 28));
    return new JsonObject()
        .put("id", TRIAL)
        .put(
            "primaryOutcomes",
            new JsonArray()
                .add(new JsonObject().put("measure", new JsonObject().put("code", "HAMD17")))
                .add(new JsonObject().put("title", "Feasibility (free text, no measure)")))
        .put("schedule", new JsonObject().put("visits", visits));
  }

  private static JsonObject statistics(int n, int censored, int failed) {
    return new JsonObject().put("n", n).put("nCensored", censored).put("nQcFail", failed);
  }

  private static UpstreamStandIns.Canned ok(JsonObject body) {
    return new UpstreamStandIns.Canned(200, body.encode(), 0);
  }

  private void answer(boolean blinded) {
    biomarkers.lastHeaders.clear();
    trials.canned.put(TRIAL_PATH + "/consort", ok(flow(blinded)));
    trials.canned.put(TRIAL_PATH, ok(record()));
    // one canned summary for every visit (the stand-in ignores the query)
    JsonObject summary =
        blinded
            ? new JsonObject().put("pooled", statistics(18, 1, 2))
            : new JsonObject()
                .put(
                    "arms",
                    new JsonArray()
                        .add(
                            new JsonObject()
                                .put("arm", "Probiotic")
                                .put("statistics", statistics(10, 1, 2)))
                        .add(
                            new JsonObject()
                                .put("armCode", "PLACEBO")
                                .put("arm", "Placebo")
                                .put("statistics", statistics(8, 0, 0))));
    biomarkers.canned.put(TRIAL_PATH + "/summaries/HAMD17", ok(summary));
  }

  @AfterEach
  void forgetAnswers() {
    trials.canned.clear();
    biomarkers.canned.clear();
    biomarkers.lastHeaders.clear();
  }

  private static String bearer(String role) {
    return "Bearer " + TestTokens.token(role, "MINDGUT");
  }

  @Test
  void theFlowGetsItsAnalysisPerArmAndPooled() {
    answer(false);
    // W4 and W8 (after baseline, in visit order) of the one primary outcome with a measure.
    // Probiotic: allocated 12, analysed 10, censored 1 -> without value 12-10-1 = 1.
    // Placebo: allocated 10, analysed 8, censored 0 -> 2. Pooled: 18, 1, 22-18-1 = 3, QC 2.
    given()
        .header("Authorization", bearer(Roles.STATISTICIAN))
        .get(TRIAL_PATH + "/consort")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("eligibility.assessed", equalTo(40))
        .body("analysed.visit", equalTo(List.of("W4", "W8")))
        .body("analysed[0].measure", equalTo("HAMD17"))
        .body("analysed[0].pooled.analysed", equalTo(18))
        .body("analysed[0].pooled.censored", equalTo(1))
        .body("analysed[0].pooled.withoutValue", equalTo(3))
        .body("analysed[0].pooled.qcFailedResults", equalTo(2))
        .body("analysed[0].arms.armCode", equalTo(List.of("PROBIOTIC", "PLACEBO")))
        .body("analysed[0].arms[0].counts.withoutValue", equalTo(1))
        .body("analysed[0].arms[1].counts.withoutValue", equalTo(2));
    // the summaries were asked per arm, with the caller's token
    assertThat(biomarkers.lastHeaders.keySet())
        .anyMatch(uri -> uri.contains("/summaries/HAMD17") && uri.contains("by=arm"));
  }

  @Test
  void theSvgDiagramIsWellFormedAndShowsTheFlowsNumbers() throws Exception {
    answer(false);
    String svg =
        given()
            .header("Authorization", bearer(Roles.STATISTICIAN))
            .accept("image/svg+xml")
            .get(TRIAL_PATH + "/consort")
            .then()
            .statusCode(200)
            .contentType("image/svg+xml")
            .extract()
            .asString();
    List<String> texts = texts(svg);
    assertThat(texts)
        .contains(
            "Assessed for eligibility (n=40)",
            "Excluded (n=18)",
            "Randomised (n=22)",
            "Allocated to Probiotic (n=12)",
            "Allocated to Placebo (n=10)",
            "Analysed, HAMD17 at W8 (n=10)",
            "Analysed, HAMD17 at W8 (n=8)");
    // a reason with markup characters is text, not markup
    assertThat(String.join("\n", texts)).contains("vomiting <sachet> & \"nausea\"");
    Document document = parse(svg);
    assertThat(document.getElementsByTagName("title").item(0).getTextContent())
        .isEqualTo("CONSORT flow diagram of " + TRIAL);
    assertThat(document.getDocumentElement().getAttribute("role")).isEqualTo("img");
  }

  @Test
  void whileBlindedTheDiagramIsPooledAndNamesNoArm() throws Exception {
    answer(true);
    String svg =
        given()
            .header("Authorization", bearer(Roles.BLINDED_STATISTICIAN))
            .header("Accept", "image/svg+xml, application/json;q=0.5")
            .get(TRIAL_PATH + "/consort")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    String all = String.join("\n", texts(svg));
    assertThat(all)
        .contains("All participants (arms concealed) (n=22)", "Analysed, HAMD17 at W4 (n=18)")
        .doesNotContain("Probiotic", "Placebo");
    assertThat(biomarkers.lastHeaders.keySet())
        .allMatch(uri -> !uri.contains("/summaries/") || uri.contains("by=pooled"));
  }

  @Test
  void aFlowTheCallerMayNotSeeIsTheServicesProblem() {
    trials.canned.put(
        TRIAL_PATH + "/consort",
        new UpstreamStandIns.Canned(
            404, "{\"status\":404,\"detail\":\"No CONSORT flow of " + TRIAL + "\"}", 0));
    trials.canned.put(TRIAL_PATH, ok(record()));
    given()
        .header("Authorization", bearer(Roles.READER))
        .accept("image/svg+xml")
        .get(TRIAL_PATH + "/consort")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
  }

  private static Document parse(String svg) throws Exception {
    var factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  /** The text elements' contents, a wrapped line joined to its continuation. */
  private static List<String> texts(String svg) throws Exception {
    NodeList nodes = parse(svg).getElementsByTagName("text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      String text = nodes.item(i).getTextContent();
      if (text.startsWith("  ") && !texts.isEmpty()) {
        texts.set(texts.size() - 1, texts.get(texts.size() - 1) + " " + text.strip());
      } else {
        texts.add(text);
      }
    }
    return texts;
  }
}
