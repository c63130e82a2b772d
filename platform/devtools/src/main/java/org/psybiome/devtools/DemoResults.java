package org.psybiome.devtools;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.psybiome.client.ApiException;
import org.psybiome.client.api.ResultsApi;

/**
 * Plausible results for a demo trial, posted through the gateway (with the generated API client) as
 * the consortium's lab pipeline would: one batch per visit of the schedule, for every participant,
 * of the panels and scales the visit pre-registered (IL-6 and hs-CRP, morning cortisol in µg/dL,
 * butyrate, tryptophan and kynurenine, eight genera — from which the service derives the KYN/TRP
 * ratio and Shannon diversity — and the rating scales). The experimental arm improves a little more
 * than the comparator; some IL-6 values and rare genera lie below the limit of quantification.
 *
 * <p>Deterministic (seeded by trial and participant) and idempotent: each batch carries an
 * Idempotency-Key of trial and visit, and a batch whose samples are stored already is skipped.
 */
final class DemoResults {

  /**
   * A stool sample's genus profile (TAXON_<NCBI id>, typical shares in %): the catalogue's eight
   * genera and more; what they leave is posted as TAXON_UNCLASSIFIED, so each sample is a full
   * profile and biomarker-service derives its Shannon diversity.
   */
  private static final Map<String, Double> GENERA = new LinkedHashMap<>();

  static {
    GENERA.put("TAXON_816", 22.0); // Bacteroides
    GENERA.put("TAXON_216851", 8.0); // Faecalibacterium
    GENERA.put("TAXON_838", 5.0); // Prevotella
    GENERA.put("TAXON_841", 3.0); // Roseburia
    GENERA.put("TAXON_1678", 2.5); // Bifidobacterium
    GENERA.put("TAXON_33042", 1.5); // Coprococcus
    GENERA.put("TAXON_239934", 1.0); // Akkermansia
    GENERA.put("TAXON_1578", 0.15); // Lactobacillus
    GENERA.put("TAXON_572511", 6.0); // Blautia
    GENERA.put("TAXON_239759", 4.0); // Alistipes
    GENERA.put("TAXON_1263", 3.5); // Ruminococcus
    GENERA.put("TAXON_1730", 3.0); // Eubacterium
    GENERA.put("TAXON_375288", 2.5); // Parabacteroides
    GENERA.put("TAXON_292632", 2.0); // Subdoligranulum
    GENERA.put("TAXON_189330", 1.2); // Dorea
    GENERA.put("TAXON_102106", 1.0); // Collinsella
    GENERA.put("TAXON_207244", 0.8); // Anaerostipes
    GENERA.put("TAXON_39948", 0.7); // Dialister
    GENERA.put("TAXON_33024", 0.6); // Phascolarctobacterium
    GENERA.put("TAXON_1485", 0.5); // Clostridium
    GENERA.put("TAXON_1301", 0.3); // Streptococcus
    GENERA.put("TAXON_561", 0.2); // Escherichia
  }

  /** Rating scales: baseline mean, SD, and the highest score. */
  private static final Map<String, double[]> SCALES =
      Map.of(
          "HAMD17", new double[] {22, 4, 52},
          "MADRS", new double[] {29, 5, 60},
          "PHQ9", new double[] {16, 3, 27},
          "GAD7", new double[] {13, 3, 21},
          "HAMA", new double[] {21, 5, 56},
          "BDI2", new double[] {27, 6, 63});

  /** The first participant's enrolment (and baseline visit); each next one a day later. */
  static final Instant FIRST_VISIT = Instant.parse("2026-01-12T08:00:00Z");

  private static final Duration WAIT_FOR_TRIAL = Duration.ofSeconds(90);

  private final ResultsApi api;

  DemoResults(URI gateway, String pipelineToken) {
    this.api = new ResultsApi(ApiClients.of(gateway, pipelineToken, Duration.ofSeconds(60)));
  }

  /**
   * @param trial the registration body (schedule, arms) of the demo trial
   * @param participants participant code to arm index (0 = experimental, as the demo files list)
   */
  void load(String trialId, JsonObject trial, Map<String, Integer> participants) throws Exception {
    load(trialId, trial, participants, FIRST_VISIT);
  }

  /**
   * @param firstVisit the first participant's enrolment (each next one a day later)
   */
  void load(String trialId, JsonObject trial, Map<String, Integer> participants, Instant firstVisit)
      throws Exception {
    int stored = 0;
    int skipped = 0;
    for (JsonObject visit :
        trial.getJsonObject("schedule").getJsonArray("visits").getValuesAs(JsonObject.class)) {
      String body = csv(batch(trialId, visit, participants, firstVisit));
      try {
        stored += post(trialId, visit.getString("code"), body).getRows();
      } catch (ApiException e) {
        if (e.getCode() == 422 && answer(e).contains("already has a stored result")) {
          skipped++; // loaded by an earlier run whose Idempotency-Key has expired
        } else {
          throw new IllegalStateException(
              trialId
                  + " "
                  + visit.getString("code")
                  + ": results answered "
                  + e.getCode()
                  + ": "
                  + answer(e),
              e);
        }
      }
    }
    System.out.println(
        "  demo results of "
            + trialId
            + ": "
            + stored
            + " stored"
            + (skipped > 0 ? ", " + skipped + " visits loaded before" : ""));
  }

  /**
   * Posts one visit's batch; while biomarker-service has not yet learnt of the trial or all its
   * participants from trial-service's events (404, or 422 naming unknown participants), waits and
   * retries, up to {@link #WAIT_FOR_TRIAL}.
   */
  private org.psybiome.client.model.Batch post(String trialId, String visit, String body)
      throws Exception {
    Instant deadline = Instant.now().plus(WAIT_FOR_TRIAL);
    while (true) {
      try {
        return api.postResults(
            ResultsApi.APIPostResultsRequest.newBuilder()
                .trialId(trialId)
                .body(body)
                .idempotencyKey("demo-results-" + trialId + "-" + visit)
                .build());
      } catch (ApiException e) {
        boolean notKnownYet =
            e.getCode() == 404
                || e.getCode() == 409 && answer(e).contains("still being processed")
                || e.getCode() == 429
                || e.getCode() == 422 && answer(e).contains("is not a participant of");
        if (!notKnownYet || Instant.now().isAfter(deadline)) {
          throw e;
        }
      }
      Thread.sleep(1000);
    }
  }

  private static String answer(ApiException e) {
    return e.getResponseBody() == null ? "" : e.getResponseBody();
  }

  static String batch(String trialId, JsonObject visit, Map<String, Integer> participants) {
    return batch(trialId, visit, participants, FIRST_VISIT);
  }

  static String batch(
      String trialId, JsonObject visit, Map<String, Integer> participants, Instant firstVisit) {
    String code = visit.getString("code");
    int day = visit.getInt("dayOffset");
    boolean baseline = visit.getBoolean("baseline", false);
    // share of the full treatment effect reached at this visit (week 8-12: all of it)
    double progress = baseline ? 0 : Math.min(1.0, day / 56.0);
    List<String> panels = strings(visit, "panels");
    List<String> scales = strings(visit, "scales");
    JsonArrayBuilder rows = Json.createArrayBuilder();
    int index = 0;
    for (Map.Entry<String, Integer> participant : participants.entrySet()) {
      String who = participant.getKey();
      boolean experimental = participant.getValue() == 0;
      // one stream per participant: their baseline level is the same at every visit
      Random person = new Random((trialId + who).hashCode());
      Random noise = new Random((trialId + who + code).hashCode());
      // the participant's visit day after its enrolment (DemoLoader enrols it on day index)
      Instant at = firstVisit.plus(Duration.ofDays(index++ + day));
      Batch b = new Batch(rows, who, code, at);
      double effect = progress * (experimental ? 1.0 : 0.35); // placebo and time help a little
      if (panels.contains("INFLAMMATION")) {
        double il6 = lognormal(person, 2.2, 0.45) * (1 - 0.3 * effect) * lognormal(noise, 1, 0.15);
        if (il6 < 1.5) {
          b.censored("SER", "IL6", "1.5", "pg/mL"); // below the assay's LOQ
        } else {
          b.value("SER", "IL6", il6, 2, "pg/mL");
        }
        double crp = lognormal(person, 2.5, 0.6) * (1 - 0.25 * effect) * lognormal(noise, 1, 0.15);
        b.value("SER", "HSCRP", crp, 2, "mg/L");
      }
      if (panels.contains("HPA")) {
        // reported in µg/dL as many labs do; stored in nmol/L
        double cortisol =
            14 * lognormal(person, 1, 0.2) * (1 - 0.12 * effect) * lognormal(noise, 1, 0.1);
        b.value("SER", "CORTISOL_AM", cortisol, 1, "µg/dL");
      }
      if (panels.contains("TRYPTOPHAN")) {
        double trp = 60 * lognormal(person, 1, 0.12) * lognormal(noise, 1, 0.08);
        double kyn =
            2.1 * lognormal(person, 1, 0.2) * (1 - 0.15 * effect) * lognormal(noise, 1, 0.08);
        b.value("SER", "TRP", trp, 1, "umol/L");
        b.value("SER", "KYN", kyn, 2, "umol/L");
      }
      if (panels.contains("SCFA")) {
        double butyrate =
            14 * lognormal(person, 1, 0.3) * (1 + 0.25 * effect) * lognormal(noise, 1, 0.12);
        b.value("STL", "BUTYRATE", butyrate, 1, "umol/g");
      }
      if (panels.contains("MICROBIOME")) {
        Map<String, Double> shares = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Double> genus : GENERA.entrySet()) {
          double share = genus.getValue() * lognormal(person, 1, 0.5) * lognormal(noise, 1, 0.25);
          if (genus.getKey().equals("TAXON_1578") || genus.getKey().equals("TAXON_1678")) {
            share *= 1 + 1.5 * effect; // the probiotic genera
          }
          shares.put(genus.getKey(), share);
          total += share;
        }
        // the classified genera are never more than 92 % of the sample together; the rest is
        // unclassified, so the posted profile sums to 100 % (what it is rounded to included)
        double scale = Math.min(1, 92 / total);
        double classified = 0;
        for (Map.Entry<String, Double> genus : shares.entrySet()) {
          double share = Math.round(genus.getValue() * scale * 100) / 100.0;
          b.value("STL", genus.getKey(), share, 2, "%");
          classified += share;
        }
        b.value("STL", "TAXON_UNCLASSIFIED", 100 - classified, 2, "%");
      }
      for (String scale : scales) {
        double[] s = SCALES.get(scale);
        if (s == null) {
          continue;
        }
        double score =
            (s[0] + s[1] * person.nextGaussian()) * (1 - 0.45 * effect)
                + 1.5 * noise.nextGaussian();
        b.value("CRF", scale, Math.max(0, Math.min(s[2], Math.round(score))), 0, "{score}");
      }
    }
    return rows.build().toString();
  }

  /** The rows of one participant at one visit. */
  private record Batch(JsonArrayBuilder rows, String participant, String visit, Instant at) {

    void value(String sample, String analyte, double value, int decimals, String unit) {
      rows.add(
          row(sample, analyte, unit)
              .add("value", BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP)));
    }

    void censored(String sample, String analyte, String limit, String unit) {
      rows.add(
          row(sample, analyte, unit).add("value", new BigDecimal(limit)).add("comparator", "<"));
    }

    private JsonObjectBuilder row(String sample, String analyte, String unit) {
      return Json.createObjectBuilder()
          .add("participant", participant)
          .add("visit", visit)
          .add("sampleId", participant + "-" + visit + "-" + sample)
          .add("collectedAt", at.toString())
          .add("analyte", analyte)
          .add("unit", unit);
    }
  }

  private static final List<String> COLUMNS =
      List.of(
          "participant",
          "visit",
          "sampleId",
          "collectedAt",
          "analyte",
          "value",
          "comparator",
          "unit");

  /** The rows of a batch as CSV with a header line: what the generated client posts. */
  static String csv(String rows) {
    StringBuilder out = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(COLUMNS);
      try (var reader = Json.createReader(new java.io.StringReader(rows))) {
        for (JsonObject row : reader.readArray().getValuesAs(JsonObject.class)) {
          List<String> record = new ArrayList<>();
          for (String column : COLUMNS) {
            record.add(
                !row.containsKey(column)
                    ? ""
                    : row.get(column) instanceof JsonString text
                        ? text.getString()
                        : row.get(column).toString());
          }
          printer.printRecord(record);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Log-normal with the given median and log-SD: skewed like biomarker levels are. */
  private static double lognormal(Random random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  private static List<String> strings(JsonObject visit, String field) {
    List<String> values = new ArrayList<>();
    if (visit.containsKey(field)) {
      visit
          .getJsonArray(field)
          .getValuesAs(JsonString.class)
          .forEach(s -> values.add(s.getString()));
    }
    return values;
  }
}
