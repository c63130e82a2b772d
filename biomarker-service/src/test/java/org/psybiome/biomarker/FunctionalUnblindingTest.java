package org.psybiome.biomarker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.psybiome.biomarker.DerivedAnalytesTest.taxon;
import static org.psybiome.biomarker.ResultsApi.CONSORTIUM;
import static org.psybiome.biomarker.ResultsApi.as;
import static org.psybiome.biomarker.ResultsApi.post;
import static org.psybiome.biomarker.ResultsApi.row;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.service.TrialSnapshots;

/**
 * Functional unblinding (docs/decisions.md 22): in a masked trial the per-participant results of
 * the intervention's own genera (every taxon after FMT) are withheld from callers who may not see
 * arms, in the listing, every export format and the history, and each read says so. The expected
 * analytes follow from migration V25's tables: Lactobacillus = TAXON_1578, Bifidobacterium =
 * TAXON_1678, Lacticaseibacillus = TAXON_2759736 (Lactobacillus rhamnosus moved there, Zheng et al.
 * 2020), Bacteroides = TAXON_816 (no intervention's genus).
 */
@QuarkusTest
class FunctionalUnblindingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** Each participant's sample: four genera and a non-taxon result. */
  private static final List<String> TAXA =
      List.of("TAXON_1578", "TAXON_1678", "TAXON_816", "TAXON_2759736");

  private static final List<String> EXPORTS =
      List.of("csv", "ndjson", "sdtm-lb", "sdtm-lb-csv", "fhir-r4");

  @Inject TrialSnapshots snapshots;

  @Test
  void aMaskedProbioticTrialWithholdsTheInterventionGeneraFromWhoeverMayNotSeeArms()
      throws Exception {
    String trial =
        maskedTrial(
            probiotic(
                strain("Lactobacillus", "helveticus", 1587),
                strain("Bifidobacterium", "longum", 216816)));

    for (String role : List.of("reader", "blinded-statistician")) {
      JsonPath page = list(role, trial);
      // 2 participants x (Bacteroides, Lacticaseibacillus, IL6); Lactobacillus and Bifido withheld
      assertThat(analytes(page)).containsExactly("IL6", "TAXON_2759736", "TAXON_816");
      assertThat(page.getList("items")).hasSize(6);
      assertThat(page.getInt("withheld.results")).isEqualTo(4);
      assertThat(page.getString("withheld.rule")).isEqualTo("INTERVENTION_TAXA");
      assertThat(page.getList("withheld.analytes", String.class))
          .containsExactly("TAXON_1578", "TAXON_1587", "TAXON_1678", "TAXON_216816");
      assertThat(page.getString("withheld.reason"))
          .contains("Bifidobacterium, Lactobacillus")
          .contains("masked");
      // a filter for one participant counts what it left out of that participant only
      JsonPath one =
          as(role, CONSORTIUM)
              .queryParam("participant", "MG-0001")
              .get("/api/v1/trials/" + trial + "/results")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(one.getInt("withheld.results")).isEqualTo(2);

      for (String format : EXPORTS) {
        Response export = export(role, trial, format);
        String body = export.asString();
        assertThat(body).as(format).doesNotContain("TAXON_1578").doesNotContain("TAXON_1678");
        assertThat(body).as(format).doesNotContain("TX1578").doesNotContain("TX1678");
        assertThat(body).as(format).containsAnyOf("TAXON_816", "TX816");
        assertThat(export.header("Psybiome-Withheld-Results")).as(format).isEqualTo("4");
        assertThat(export.header("Psybiome-Withheld-Rule")).isEqualTo("INTERVENTION_TAXA");
        assertThat(export.header("Psybiome-Withheld-Analytes"))
            .isEqualTo("TAXON_1578,TAXON_1587,TAXON_1678,TAXON_216816");
        assertThat(export.header("Psybiome-Withheld-Reason")).contains("Lactobacillus");
      }
      long lactobacillus = resultId(trial, "TAXON_1578");
      as(role, CONSORTIUM)
          .get("/api/v1/trials/" + trial + "/results/" + lactobacillus + "/history")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
      long bacteroides = resultId(trial, "TAXON_816");
      as(role, CONSORTIUM)
          .get("/api/v1/trials/" + trial + "/results/" + bacteroides + "/history")
          .then()
          .statusCode(200);
    }

    // the unblinded statistician and the pipeline that reported them see every result
    for (String role : List.of("statistician", "pipeline")) {
      JsonPath page = list(role, trial);
      assertThat(analytes(page)).containsExactlyElementsOf(sorted(TAXA, "IL6"));
      assertThat(page.getMap("withheld")).isNull();
      for (String format : EXPORTS) {
        Response export = export(role, trial, format);
        assertThat(export.asString()).as(format).containsAnyOf("TAXON_1578", "TX1578");
        assertThat(export.header("Psybiome-Withheld-Results")).isNull();
      }
    }

    // a pooled summary shows no participant: it stays open while masked
    as("reader", CONSORTIUM)
        .queryParam("visit", "W0")
        .get("/api/v1/trials/" + trial + "/summaries/TAXON_1578")
        .then()
        .statusCode(200);

    // unblinded: everyone sees everything again
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.unblinded(trial, 3);
    }
    await().atMost(WAIT).until(() -> !snapshots.trial(trial).orElseThrow().blinded());
    for (String role : List.of("reader", "blinded-statistician")) {
      JsonPath page = list(role, trial);
      assertThat(analytes(page)).containsExactlyElementsOf(sorted(TAXA, "IL6"));
      assertThat(page.getMap("withheld")).isNull();
      Response export = export(role, trial, "csv");
      assertThat(export.asString()).contains("TAXON_1578").contains("TAXON_1678");
      assertThat(export.header("Psybiome-Withheld-Results")).isNull();
    }
  }

  @Test
  void aStrainRegisteredUnderItsFormerGenusWithholdsItsCurrentGenusToo() throws Exception {
    // Lactobacillus rhamnosus GG is Lacticaseibacillus rhamnosus since 2020: both genera reveal it
    String trial = maskedTrial(probiotic(strain("Lactobacillus", "rhamnosus", null)));

    JsonPath page = list("reader", trial);
    assertThat(analytes(page)).containsExactly("IL6", "TAXON_1678", "TAXON_816");
    assertThat(page.getList("withheld.analytes", String.class))
        .containsExactly("TAXON_1578", "TAXON_2759736");
    assertThat(page.getString("withheld.reason")).contains("Lacticaseibacillus, Lactobacillus");
    String csv = export("reader", trial, "csv").asString();
    assertThat(csv).doesNotContain("TAXON_2759736").contains("TAXON_1678");
  }

  @Test
  void anFmtTrialWithholdsEveryTaxonAndTheDiversity() throws Exception {
    Map<String, Object> fmt = new LinkedHashMap<>();
    fmt.put("type", "FMT");
    fmt.put("code", "FMT");
    fmt.put("name", "Faecal microbiota transplantation, healthy donor");
    fmt.put("route", "COLONOSCOPY");
    fmt.put("donorType", "UNRELATED");
    fmt.put("administrations", 1);
    String trial = maskedTrial(fmt);
    // a complete profile derives SHANNON_GENUS, which reveals engraftment as much as the genera
    List<Map<String, Object>> profile = new ArrayList<>();
    profile.add(taxon("MG-0001", "F-1", "TAXON_816", 60));
    profile.add(taxon("MG-0001", "F-1", "TAXON_838", 30));
    profile.add(taxon("MG-0001", "F-1", "TAXON_UNCLASSIFIED", 10));
    post(trial, "application/json", JSON.writeValueAsString(profile), null).then().statusCode(201);

    JsonPath page = list("blinded-statistician", trial);
    assertThat(analytes(page)).containsExactly("IL6");
    // 8 genus rows of the set-up, then 3 of the profile and its Shannon index
    assertThat(page.getInt("withheld.results")).isEqualTo(12);
    assertThat(page.getString("withheld.rule")).isEqualTo("ALL_TAXA");
    assertThat(page.getString("withheld.layer")).isEqualTo("MICROBIOME_TAXONOMIC");
    assertThat(page.getString("withheld.reason")).contains("faecal microbiota transplantation");
    for (String format : EXPORTS) {
      Response export = export("reader", trial, format);
      assertThat(export.asString()).as(format).doesNotContain("TAXON_").doesNotContain("SHANNON");
      assertThat(export.header("Psybiome-Withheld-Results")).as(format).isEqualTo("12");
      assertThat(export.header("Psybiome-Withheld-Analytes")).isEqualTo("MICROBIOME_TAXONOMIC");
    }
    assertThat(analytes(list("statistician", trial))).contains("SHANNON_GENUS", "TAXON_838");
  }

  /**
   * A masked (DOUBLE) trial with these interventions, MG-0001 and MG-0002 enrolled, and at W0 for
   * each: the four genera of TAXA and IL-6.
   */
  private String maskedTrial(Map<String, Object> intervention) throws Exception {
    String id = TrialEventsProducer.newTrialId();
    Map<String, Object> view = TrialEventsProducer.trialView(id, 2, "DOUBLE", "Placebo");
    view.put(
        "interventions",
        List.of(intervention, Map.of("type", "PLACEBO", "code", "PLA", "name", "Placebo capsule")));
    try (TrialEventsProducer events = new TrialEventsProducer()) {
      events.registered(view);
      events.enrolled(id, "MG-0001", "Probiotic");
      events.enrolled(id, "MG-0002", "Placebo");
    }
    await().atMost(WAIT).until(() -> snapshots.participant(id, "MG-0002").isPresent());
    await().atMost(WAIT).until(() -> snapshots.trial(id).map(TrialSnapshot::blinded).orElse(false));
    List<Map<String, Object>> rows = new ArrayList<>();
    int value = 1;
    for (String participant : List.of("MG-0001", "MG-0002")) {
      for (String analyte : TAXA) {
        rows.add(taxon(participant, "S-" + participant, analyte, value++));
      }
      rows.add(row(participant, "W0", "B-" + participant, "IL6"));
    }
    post(id, "application/json", JSON.writeValueAsString(rows), null).then().statusCode(201);
    return id;
  }

  @SafeVarargs
  private static Map<String, Object> probiotic(Map<String, Object>... strains) {
    Map<String, Object> probiotic = new LinkedHashMap<>();
    probiotic.put("type", "PROBIOTIC");
    probiotic.put("code", "PRO");
    probiotic.put("name", "Probiotic capsule");
    probiotic.put("strains", List.of(strains));
    probiotic.put("doseCfuPerDay", 3_000_000_000L);
    return probiotic;
  }

  private static Map<String, Object> strain(String genus, String species, Integer ncbiTaxonId) {
    Map<String, Object> strain = new LinkedHashMap<>();
    strain.put("genus", genus);
    strain.put("species", species);
    strain.put("ncbiTaxonId", ncbiTaxonId);
    return strain;
  }

  private static JsonPath list(String role, String trial) {
    return as(role, CONSORTIUM)
        .queryParam("pageSize", 1000)
        .get("/api/v1/trials/" + trial + "/results")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static Response export(String role, String trial, String format) {
    Response response =
        as(role, CONSORTIUM)
            .queryParam("format", format)
            .get("/api/v1/trials/" + trial + "/results/export");
    assertThat(response.statusCode()).as(format).isEqualTo(200);
    return response;
  }

  private static long resultId(String trial, String analyte) {
    return list("statistician", trial)
        .getList("items.findAll { it.analyte == '" + analyte + "' }.id", Long.class)
        .get(0);
  }

  private static Set<String> analytes(JsonPath page) {
    return new TreeSet<>(page.getList("items.analyte", String.class));
  }

  private static List<String> sorted(List<String> taxa, String other) {
    TreeSet<String> all = new TreeSet<>(taxa);
    all.add(other);
    return List.copyOf(all);
  }
}
