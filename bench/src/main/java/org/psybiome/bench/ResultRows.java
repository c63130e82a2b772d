package org.psybiome.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic but plausible results of one trial: every participant measured on every analyte of the
 * seed catalogue that can be reported (28: immune, HPA, BDNF, SCFA, tryptophan pathway, 8 genera, 6
 * rating scales) at every visit, in standard units, about 2% of the immune values censored below a
 * limit of quantification. Row {@code i} is a pure function of {@code i}, so the same rows can be
 * produced as a CSV batch for the API and as COPY text for the baseline.
 */
final class ResultRows {

  /** An analyte as the generator needs it: code, specimen, standard unit, value range. */
  record Analyte(
      String code, String specimen, String unit, double low, double high, boolean integer) {}

  static final List<Analyte> ANALYTES =
      List.of(
          new Analyte("IL6", "SERUM", "pg/mL", 0.5, 20, false),
          new Analyte("TNFA", "SERUM", "pg/mL", 1, 30, false),
          new Analyte("HSCRP", "SERUM", "mg/L", 0.2, 15, false),
          new Analyte("IL1B", "SERUM", "pg/mL", 0.1, 10, false),
          new Analyte("IL10", "SERUM", "pg/mL", 1, 20, false),
          new Analyte("CORTISOL_AM", "SERUM", "nmol/L", 150, 700, false),
          new Analyte("CORTISOL_SALIVA", "SALIVA", "nmol/L", 2, 30, false),
          new Analyte("ACTH", "PLASMA", "pg/mL", 5, 60, false),
          new Analyte("BDNF", "SERUM", "ng/mL", 10, 40, false),
          new Analyte("ACETATE", "STOOL", "umol/g", 20, 80, false),
          new Analyte("PROPIONATE", "STOOL", "umol/g", 5, 30, false),
          new Analyte("BUTYRATE", "STOOL", "umol/g", 5, 30, false),
          new Analyte("TRP", "SERUM", "umol/L", 40, 80, false),
          new Analyte("KYN", "SERUM", "umol/L", 1, 4, false),
          new Analyte("TAXON_1578", "STOOL", "%", 0.1, 5, false),
          new Analyte("TAXON_1678", "STOOL", "%", 0.5, 15, false),
          new Analyte("TAXON_216851", "STOOL", "%", 1, 15, false),
          new Analyte("TAXON_816", "STOOL", "%", 5, 40, false),
          new Analyte("TAXON_838", "STOOL", "%", 0.1, 20, false),
          new Analyte("TAXON_239934", "STOOL", "%", 0.1, 5, false),
          new Analyte("TAXON_841", "STOOL", "%", 0.5, 8, false),
          new Analyte("TAXON_33042", "STOOL", "%", 0.5, 6, false),
          new Analyte("HAMD17", "NOT_APPLICABLE", "{score}", 0, 52, true),
          new Analyte("MADRS", "NOT_APPLICABLE", "{score}", 0, 60, true),
          new Analyte("BDI2", "NOT_APPLICABLE", "{score}", 0, 63, true),
          new Analyte("PHQ9", "NOT_APPLICABLE", "{score}", 0, 27, true),
          new Analyte("GAD7", "NOT_APPLICABLE", "{score}", 0, 21, true),
          new Analyte("HAMA", "NOT_APPLICABLE", "{score}", 0, 56, true));

  static final String CSV_HEADER =
      "participant,visit,sampleId,collectedAt,analyte,value,unit,comparator\n";

  /**
   * The columns COPY fills; the others (id, created_at) take their defaults, as for the service.
   */
  static final String COPY_COLUMNS =
      "trial_id, batch_id, participant_code, visit_code, sample_id, specimen, collected_at,"
          + " analyte_code, original_value, original_unit, standard_value, standard_unit,"
          + " comparator, censored, qc_status, registered";

  private static final long FIRST_VISIT = Instant.parse("2026-01-05T08:00:00Z").getEpochSecond();

  private final String participantPrefix;
  private final List<String> visits;
  private final List<Integer> dayOffsets;
  private final long seed;

  ResultRows(String participantPrefix, List<String> visits, List<Integer> dayOffsets, long seed) {
    this.participantPrefix = participantPrefix;
    this.visits = visits;
    this.dayOffsets = dayOffsets;
    this.seed = seed;
  }

  int rowsPerParticipant() {
    return visits.size() * ANALYTES.size();
  }

  String participant(int index) {
    return String.format("%s-%05d", participantPrefix, index);
  }

  /**
   * The indexes of {@code participants}' rows in the order biomarker-service writes a batch of
   * them: by analyte code, then visit code, then participant code (its {@code
   * ResultStore.STORAGE_ORDER}), so rows seeded by COPY lie on disk as ingested ones would.
   */
  long[] storageOrder(int participants) {
    List<Integer> analytes = indexesByCode(ANALYTES.stream().map(Analyte::code).toList());
    List<Integer> visitOrder = indexesByCode(visits);
    // participant codes are zero-padded, so their index order is their code order
    long[] order = new long[participants * rowsPerParticipant()];
    int next = 0;
    for (int a : analytes) {
      for (int v : visitOrder) {
        for (int p = 0; p < participants; p++) {
          order[next++] = (long) p * rowsPerParticipant() + (long) v * ANALYTES.size() + a;
        }
      }
    }
    return order;
  }

  /** The indexes of {@code codes}, ordered by the code at each. */
  private static List<Integer> indexesByCode(List<String> codes) {
    List<Integer> indexes = new java.util.ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      indexes.add(i);
    }
    indexes.sort(java.util.Comparator.comparing(codes::get));
    return indexes;
  }

  /** The schedule of a trial whose every visit pre-registers all panels and scales. */
  ArrayNode schedule() {
    ArrayNode array = BenchTrials.JSON.createArrayNode();
    for (int v = 0; v < visits.size(); v++) {
      ObjectNode visit = array.addObject();
      visit.put("code", visits.get(v));
      visit.put("label", "Visit " + visits.get(v));
      visit.put("dayOffset", dayOffsets.get(v));
      visit.put("baseline", v == 0);
      ArrayNode panels = visit.putArray("panels");
      for (String p :
          List.of("INFLAMMATION", "HPA", "NEUROTROPHIC", "SCFA", "TRYPTOPHAN", "MICROBIOME")) {
        panels.add(p);
      }
      ArrayNode scales = visit.putArray("scales");
      for (String s : List.of("HAMD17", "MADRS", "BDI2", "PHQ9", "GAD7", "HAMA")) {
        scales.add(s);
      }
    }
    return array;
  }

  /** One generated row. */
  record Row(
      String participant,
      String visit,
      String sampleId,
      Analyte analyte,
      String collectedAt,
      String value,
      String comparator) {}

  Row row(long i) {
    int perParticipant = rowsPerParticipant();
    int participant = (int) (i / perParticipant);
    int rest = (int) (i % perParticipant);
    int visit = rest / ANALYTES.size();
    Analyte analyte = ANALYTES.get(rest % ANALYTES.size());
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
    String comparator = null;
    long milli;
    if (analyte.code().startsWith("IL") && random.nextInt(50) == 0) {
      comparator = "<";
      milli = Math.round(analyte.low() * 1000);
    } else if (analyte.integer()) {
      milli = 1000L * random.nextInt((int) analyte.low(), (int) analyte.high() + 1);
    } else {
      milli =
          Math.round(
              (analyte.low() + random.nextDouble() * (analyte.high() - analyte.low())) * 1000);
    }
    String code = participant(participant);
    long collected = FIRST_VISIT + dayOffsets.get(visit) * 86_400L + participant * 60L;
    return new Row(
        code,
        visits.get(visit),
        code + "-" + visits.get(visit) + "-" + analyte.specimen().substring(0, 3),
        analyte,
        Instant.ofEpochSecond(collected).toString(),
        decimal(milli),
        comparator);
  }

  void appendCsv(StringBuilder out, long i) {
    Row r = row(i);
    out.append(r.participant())
        .append(',')
        .append(r.visit())
        .append(',')
        .append(r.sampleId())
        .append(',')
        .append(r.collectedAt())
        .append(',')
        .append(r.analyte().code())
        .append(',')
        .append(r.value())
        .append(',')
        .append(r.analyte().unit())
        .append(',')
        .append(r.comparator() == null ? "" : r.comparator())
        .append('\n');
  }

  /** The row as the service stores it (standard unit given, so original = standard). */
  void appendCopy(StringBuilder out, long i, String trialId, String batchId) {
    Row r = row(i);
    out.append(trialId)
        .append('\t')
        .append(batchId)
        .append('\t')
        .append(r.participant())
        .append('\t')
        .append(r.visit())
        .append('\t')
        .append(r.sampleId())
        .append('\t')
        .append(r.analyte().specimen())
        .append('\t')
        .append(r.collectedAt())
        .append('\t')
        .append(r.analyte().code())
        .append('\t')
        .append(r.value())
        .append('\t')
        .append(r.analyte().unit())
        .append('\t')
        .append(r.value())
        .append('\t')
        .append(r.analyte().unit())
        .append('\t')
        .append(r.comparator() == null ? "\\N" : r.comparator())
        .append('\t')
        .append(r.comparator() == null ? 'f' : 't')
        .append('\t')
        .append("PASS\tt\n");
  }

  /** Thousandths as a plain decimal, e.g. 12345 to "12.345": cheaper than String.format. */
  static String decimal(long milli) {
    long whole = milli / 1000;
    long fraction = milli % 1000;
    if (fraction == 0) {
      return Long.toString(whole);
    }
    String digits = Long.toString(1000 + fraction).substring(1);
    return whole + "." + digits;
  }
}
