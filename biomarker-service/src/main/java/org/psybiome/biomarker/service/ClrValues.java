package org.psybiome.biomarker.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.psybiome.biomarker.model.ClrExclusion;
import org.psybiome.biomarker.model.QcStatus;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;
import org.psybiome.biomarker.repository.CurrentResultStore.ProfileRow;
import org.psybiome.biomarker.service.derived.CentredLogRatio;
import org.psybiome.biomarker.service.derived.SampleMeasurement;

/**
 * Each participant's centred log-ratio of a taxon at a visit, as summaries use it: the sample is
 * the one of the participant's latest result of the taxon at the visit (the rule of every summary:
 * by collection time, then result id, QC FAIL skipped), and the value is the taxon's clr within
 * that sample's full genus profile. A sample whose profile is not full (or has a part that failed
 * QC) gives the participant no value: it is counted by reason instead.
 *
 * @param values one per participant and visit, shaped as the raw values are
 * @param excluded samples without a log-ratio at the visits counted, by visit and reason
 */
record ClrValues(List<ParticipantValue> values, List<ClrExclusion> excluded) {

  static ClrValues of(List<ProfileRow> rows, String taxon, Set<String> counted) {
    Map<List<String>, List<ProfileRow>> byParticipantVisit =
        rows.stream()
            .collect(
                Collectors.groupingBy(
                    r -> List.of(r.participant(), r.visit()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<ParticipantValue> values = new ArrayList<>();
    Map<List<String>, Integer> excluded = new TreeMap<>(Comparator.comparing(Object::toString));
    byParticipantVisit.forEach(
        (key, group) -> {
          List<ProfileRow> ofTaxon = group.stream().filter(r -> r.analyte().equals(taxon)).toList();
          int failed = (int) ofTaxon.stream().filter(ClrValues::failed).count();
          ProfileRow latest =
              ofTaxon.stream()
                  .filter(r -> !failed(r))
                  .max(Comparator.comparing(ProfileRow::collectedAt).thenComparing(ProfileRow::id))
                  .orElse(null);
          String participant = key.get(0);
          String visit = key.get(1);
          if (latest == null) {
            if (failed > 0) {
              values.add(
                  new ParticipantValue(participant, visit, null, false, false, failed, null, null));
            }
            return;
          }
          List<ProfileRow> sample =
              group.stream().filter(r -> r.sampleId().equals(latest.sampleId())).toList();
          String reason = null;
          CentredLogRatio.Result clr = null;
          if (sample.stream().anyMatch(ClrValues::failed)) {
            reason = "a part of the sample's profile failed QC";
          } else {
            clr = CentredLogRatio.of(sample.stream().map(ClrValues::measurement).toList());
            reason = clr.reason();
          }
          if (reason != null) {
            if (counted.contains(visit)) {
              excluded.merge(List.of(visit, reason), 1, Integer::sum);
            }
            return;
          }
          boolean warn = sample.stream().anyMatch(r -> QcStatus.WARN.name().equals(r.qcStatus()));
          values.add(
              new ParticipantValue(
                  participant,
                  visit,
                  BigDecimal.valueOf(clr.clr().get(taxon)),
                  false,
                  warn,
                  failed,
                  null,
                  latest.collectedAt()));
        });
    List<ClrExclusion> exclusions = new ArrayList<>();
    excluded.forEach((k, n) -> exclusions.add(new ClrExclusion(k.get(0), k.get(1), n)));
    return new ClrValues(values, exclusions);
  }

  private static boolean failed(ProfileRow row) {
    return QcStatus.FAIL.name().equals(row.qcStatus());
  }

  private static SampleMeasurement measurement(ProfileRow row) {
    return new SampleMeasurement(
        row.analyte(), row.standardValue(), row.censored(), row.qcStatus(), row.collectedAt());
  }
}
