package org.psybiome.systemtests.drills;

import java.util.List;
import org.psybiome.systemtests.harness.Trials.Participant;
import org.psybiome.systemtests.harness.Trials.TestTrial;

/** CSV result batches for a drill trial: serum cytokines and BDNF, one sample per six rows. */
final class ResultBatches {

  private static final List<String> ANALYTES =
      List.of("IL6", "TNFA", "HSCRP", "IL1B", "IL10", "BDNF");
  private static final List<String> UNITS =
      List.of("pg/mL", "pg/mL", "mg/L", "pg/mL", "pg/mL", "ng/mL");
  private static final List<String> VISITS = List.of("W0", "W4", "W8");

  private ResultBatches() {}

  /** {@code rows} rows whose sample ids all start with {@code samplePrefix} (unique per batch). */
  static String csv(TestTrial trial, int rows, String samplePrefix) {
    List<Participant> participants = trial.participants();
    StringBuilder csv = new StringBuilder(rows * 64);
    csv.append("participant,visit,sampleId,collectedAt,analyte,value,unit\n");
    for (int i = 0; i < rows; i++) {
      int sample = i / ANALYTES.size();
      int analyte = i % ANALYTES.size();
      Participant participant = participants.get(sample % participants.size());
      String visit = VISITS.get((sample / participants.size()) % VISITS.size());
      csv.append(participant.code())
          .append(',')
          .append(visit)
          .append(',')
          .append(samplePrefix)
          .append('-')
          .append(sample)
          .append(",2026-03-02T08:30:00Z,")
          .append(ANALYTES.get(analyte))
          .append(',')
          .append(1.5 + (i % 7) / 10.0)
          .append(',')
          .append(UNITS.get(analyte))
          .append('\n');
    }
    return csv.toString();
  }
}
