package org.psybiome.trial.model.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Deaths, serious and other adverse events per group (TRDS item 23, adverse events). */
public record AdverseEvents(
    @Size(max = 20) String frequencyThreshold,
    @Size(max = 1000) String timeFrame,
    @Size(max = 3000) String description,
    @Size(max = 1000) String allCauseMortalityComment,
    @Size(max = 100) List<@Valid @NotNull EventGroup> eventGroups,
    @Size(max = 5000) List<@Valid @NotNull Event> seriousEvents,
    @Size(max = 5000) List<@Valid @NotNull Event> otherEvents) {

  public AdverseEvents {
    eventGroups = ResultTables.orEmpty(eventGroups);
    seriousEvents = ResultTables.orEmpty(seriousEvents);
    otherEvents = ResultTables.orEmpty(otherEvents);
  }

  public record EventGroup(
      @NotBlank @Size(max = 20) String id,
      @Size(max = 300) String title,
      @Size(max = 3000) String description,
      @Min(0) Integer deathsNumAffected,
      @Min(0) Integer deathsNumAtRisk,
      @Min(0) Integer seriousNumAffected,
      @Min(0) Integer seriousNumAtRisk,
      @Min(0) Integer otherNumAffected,
      @Min(0) Integer otherNumAtRisk) {}

  /** One adverse event term, e.g. "Nausea" in "Gastrointestinal disorders". */
  public record Event(
      @NotBlank @Size(max = 300) String term,
      @Size(max = 300) String organSystem,
      @Size(max = 100) String sourceVocabulary,
      @Size(max = 40) String assessmentType,
      @Size(max = 1000) String notes,
      List<@Valid @NotNull Stat> stats) {
    public Event {
      stats = ResultTables.orEmpty(stats);
    }
  }

  public record Stat(
      @NotBlank @Size(max = 20) String groupId,
      @Min(0) Integer numEvents,
      @Min(0) Integer numAffected,
      @Min(0) Integer numAtRisk) {}
}
