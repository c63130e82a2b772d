package org.psybiome.biomarker.service.export;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.model.ResultView;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.model.TrialVisit;

/**
 * Turns a trial's results, read grouped by participant, analyte and specimen in schedule order (as
 * {@code CurrentResultStore.streamBySubject} reads them), into SDTM LB records. Only one group —
 * one participant's results of one test in one specimen — is held at a time, because its baseline
 * record is known only once the group is complete.
 *
 * <ul>
 *   <li>USUBJID = STUDYID-participant code; LBSEQ numbers a subject's records from 1 in the order
 *       read, so it is unique per USUBJID.
 *   <li>VISITNUM = the visit's position in the trial's schedule (1, 2, ...); empty for a visit the
 *       schedule no longer has.
 *   <li>LBBLFL = Y on the last record with a result (not NOT DONE; a censored value is a result) at
 *       a visit at or before the schedule's baseline visit, in schedule order, then collection
 *       time; none when the trial has no baseline visit.
 *   <li>LBREFID = the sample id; LBMETHOD = the assay's method as the lab reported it; LBLLOQ and
 *       LBULOQ = the run's limits of quantification in the standard unit (LBSTRESU), as SDTMIG
 *       wants them; kit, lot and run have no LB variable (the CSV, NDJSON and FHIR exports carry
 *       them). A failed (NOT DONE) record keeps its assay: it says what was attempted.
 *   <li>LBDRVFL = Y for a value the service derived from other results (ratios, Shannon diversity,
 *       the catalogue's derived analytes); none for measured ones.
 *   <li>No record says whether it was collected within its visit's window: SDTM keeps the nominal
 *       visit as collected, and windowing is an analysis (ADaM) decision; the CSV, NDJSON and FHIR
 *       exports carry the flag.
 *   <li>LBDY = study day of the collection's date (UTC) from the participant's enrolment date
 *       (reference start, day 1); the day before is -1: there is no day 0.
 *   <li>Censored results: LBORRES and LBSTRESC carry the comparator and limit ("&lt;0.5"), LBSTRESN
 *       is empty.
 *   <li>A result with QC FAIL is LBSTAT NOT DONE, LBREASND QC FAILED, without results or units: the
 *       service treats a failed measurement as no result everywhere (summaries leave it out), and
 *       SDTM has no place for an invalid value beside a valid one. The CSV and NDJSON exports keep
 *       its value.
 * </ul>
 */
final class LbRecords {

  /** Receives the records. */
  @FunctionalInterface
  interface Sink {
    void accept(LbRecord record) throws IOException;
  }

  static final String NOT_DONE = "NOT DONE";
  static final String QC_FAILED = "QC FAILED";
  private static final DateTimeFormatter DTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private final String studyId;
  private final Map<String, Integer> visitNumbers;
  private final int baselineVisitNumber;
  private final Map<String, LocalDate> enrolments;
  private final Map<String, Analyte> analytes;
  private final Sink sink;

  private final List<ResultView> group = new ArrayList<>();
  private String participant;
  private long seq;

  LbRecords(
      TrialSnapshot trial,
      Map<String, LocalDate> enrolments,
      Map<String, Analyte> analytes,
      Sink sink) {
    this.studyId = trial.id();
    this.visitNumbers = visitNumbers(trial.visits());
    this.baselineVisitNumber = trial.baselineVisit().map(v -> visitNumbers.get(v.code())).orElse(0);
    this.enrolments = enrolments;
    this.analytes = analytes;
    this.sink = sink;
  }

  /** The visits' codes in schedule order: the order results are read in. */
  static List<String> visitOrder(TrialSnapshot trial) {
    return trial.visits().stream().map(TrialVisit::code).toList();
  }

  private static Map<String, Integer> visitNumbers(List<TrialVisit> visits) {
    Map<String, Integer> numbers = new HashMap<>();
    for (int i = 0; i < visits.size(); i++) {
      numbers.putIfAbsent(visits.get(i).code(), i + 1);
    }
    return numbers;
  }

  /** The next result in subject order. */
  void accept(ResultView result) throws IOException {
    if (!group.isEmpty() && !sameGroup(group.get(0), result)) {
      flush();
    }
    group.add(result);
  }

  /** Writes the last group. */
  void finish() throws IOException {
    flush();
  }

  private static boolean sameGroup(ResultView a, ResultView b) {
    return a.participant().equals(b.participant())
        && a.analyte().equals(b.analyte())
        && a.specimen() == b.specimen();
  }

  private void flush() throws IOException {
    if (group.isEmpty()) {
      return;
    }
    ResultView first = group.get(0);
    if (!first.participant().equals(participant)) {
      participant = first.participant();
      seq = 0;
    }
    int baseline = baselineIndex();
    for (int i = 0; i < group.size(); i++) {
      sink.accept(record(group.get(i), ++seq, i == baseline));
    }
    group.clear();
  }

  /** The group's baseline record, or -1: the group is in schedule order already. */
  private int baselineIndex() {
    if (baselineVisitNumber == 0) {
      return -1;
    }
    int baseline = -1;
    for (int i = 0; i < group.size(); i++) {
      ResultView r = group.get(i);
      Integer visit = visitNumbers.get(r.visit());
      if (visit != null && visit <= baselineVisitNumber && r.qcStatus() != QcStatus.FAIL) {
        baseline = i;
      }
    }
    return baseline;
  }

  private LbRecord record(ResultView r, long seq, boolean baseline) {
    Analyte analyte = Objects.requireNonNull(analytes.get(r.analyte()), r.analyte());
    boolean done = r.qcStatus() != QcStatus.FAIL;
    String comparator = r.comparator() == null ? "" : r.comparator();
    LocalDateTime collected = LocalDateTime.ofInstant(r.collectedAt(), ZoneOffset.UTC);
    return new LbRecord(
        studyId,
        studyId + "-" + r.participant(),
        seq,
        r.sampleId(),
        analyte.sdtmTestCode(),
        analyte.sdtmTestName(),
        category(analyte.layer()),
        done ? comparator + r.value().toPlainString() : null,
        done ? unit(r.unit()) : null,
        done ? comparator + r.standardValue().toPlainString() : null,
        done && !r.censored() ? r.standardValue() : null,
        done ? unit(r.standardUnit()) : null,
        done ? null : NOT_DONE,
        done ? null : QC_FAILED,
        analyte.loinc(),
        specimen(r.specimen()),
        r.assayMethod(),
        baseline ? "Y" : null,
        analyte.derived() ? "Y" : null,
        r.lloq(),
        r.uloq(),
        visitNumbers.get(r.visit()),
        r.visit(),
        DTC.format(collected),
        studyDay(enrolments.get(r.participant()), collected.toLocalDate()));
  }

  /** SDTM study day: day 1 is the reference date, the day before it -1; no day 0. */
  static Integer studyDay(LocalDate reference, LocalDate date) {
    if (reference == null) {
      return null;
    }
    long days = ChronoUnit.DAYS.between(reference, date);
    return Math.toIntExact(days >= 0 ? days + 1 : days);
  }

  /** LBCAT: the catalogue's omics layer as a category of lab tests. */
  static String category(OmicsLayer layer) {
    return switch (layer) {
      case IMMUNE -> "IMMUNOLOGY";
      case ENDOCRINE -> "ENDOCRINOLOGY";
      case NEUROTROPHIC -> "NEUROTROPHIC FACTORS";
      case METABOLOMIC -> "METABOLOMICS";
      case MICROBIOME_TAXONOMIC, MICROBIOME_FUNCTIONAL -> "MICROBIOME";
      case CLINICAL_SCALE -> "RATING SCALE";
    };
  }

  /**
   * A UCUM unit as SDTM units are written: without UCUM's square brackets (u[IU]/mL → uIU/mL); the
   * dimensionless 1 (an index such as Shannon's) has no unit.
   */
  static String unit(String ucum) {
    if (ucum == null || ucum.equals("1")) {
      return null;
    }
    return ucum.replace("[", "").replace("]", "");
  }

  /** LBSPEC: the specimen in words (WHOLE_BLOOD → WHOLE BLOOD, CSF → CEREBROSPINAL FLUID). */
  static String specimen(Specimen specimen) {
    return switch (specimen) {
      case CSF -> "CEREBROSPINAL FLUID";
      case NOT_APPLICABLE -> null;
      default -> specimen.name().replace('_', ' ');
    };
  }
}
