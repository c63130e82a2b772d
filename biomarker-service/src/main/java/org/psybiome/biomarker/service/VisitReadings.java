package org.psybiome.biomarker.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.TrialSnapshot;
import org.psybiome.biomarker.repository.CurrentResultStore;
import org.psybiome.biomarker.repository.CurrentResultStore.ParticipantValue;

/**
 * Each participant's reading of an analyte at some visits, by the summaries' rules: the latest
 * result that did not fail QC; a censored one gives no value unless the handling substitutes it (an
 * older result never stands in); with window=exclude one collected outside its visit's window gives
 * none either. Where there is no value the reading says why, for analyses that list the
 * participants they leave out.
 */
@ApplicationScoped
public class VisitReadings {

  /** A value, or null with the reason there is none. */
  public record Reading(Double value, boolean warn, boolean substituted, String missingReason) {

    static Reading missing(String reason) {
      return new Reading(null, false, false, reason);
    }
  }

  public static final String NO_RESULT = "no result";
  public static final String QC_FAIL = "every result failed QC";
  public static final String CENSORED = "the latest result is censored";
  public static final String OUT_OF_WINDOW = "the latest result is outside the visit's window";

  private final CurrentResultStore results;
  private final TrialSnapshots snapshots;

  VisitReadings(CurrentResultStore results, TrialSnapshots snapshots) {
    this.results = results;
    this.snapshots = snapshots;
  }

  /**
   * Visit → participant → reading, for the participants with a result of the analyte at the visit;
   * a participant absent from a visit's map has {@link #NO_RESULT} there.
   */
  public Map<String, Map<String, Reading>> read(
      TrialSnapshot trial,
      String analyte,
      Set<String> visits,
      Specimen specimen,
      CensoredHandling censored,
      WindowHandling window) {
    Map<String, LocalDate> enrolled = snapshots.enrolmentDates(trial.id());
    Map<String, Map<String, Reading>> byVisit = new HashMap<>();
    for (ParticipantValue v : results.participantValues(trial.id(), analyte, visits, specimen)) {
      boolean late =
          VisitWindow.outOfWindow(
              trial.visit(v.visit()).orElse(null),
              enrolled.get(v.participant()),
              v.latestCollectedAt());
      byVisit
          .computeIfAbsent(v.visit(), k -> new HashMap<>())
          .put(v.participant(), reading(v, late, censored, window));
    }
    return byVisit;
  }

  private static Reading reading(
      ParticipantValue v, boolean late, CensoredHandling censored, WindowHandling window) {
    if (v.latest() == null) {
      return Reading.missing(QC_FAIL);
    }
    if (late && window == WindowHandling.EXCLUDE) {
      return Reading.missing(OUT_OF_WINDOW);
    }
    Summaries.Value value = censored.value(v);
    if (value == null) {
      return Reading.missing(CENSORED);
    }
    return new Reading(value.value(), value.warn(), value.substituted(), null);
  }
}
