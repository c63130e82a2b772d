package org.psybiome.trial.model.results;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The building blocks of structured summary results (TRDS item 23), in the shape ClinicalTrials.gov
 * publishes results: groups with ids, denominators per group, and measurements per group within
 * categories within classes. Values are text because registries publish them as text ("12.5",
 * "NA").
 */
public final class ResultTables {

  private ResultTables() {}

  static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /** A group results are reported for (an arm, or arms pooled); ids are FG000, BG000, OG000... */
  public record Group(
      @NotBlank @Size(max = 20) String id,
      @Size(max = 300) String title,
      @Size(max = 3000) String description) {}

  public record GroupCount(
      @NotBlank @Size(max = 20) String groupId, @Size(max = 40) String value) {}

  /** How many units (participants, eyes...) a figure is over, per group. */
  public record Denom(@Size(max = 100) String units, List<@Valid @NotNull GroupCount> counts) {
    public Denom {
      counts = orEmpty(counts);
    }
  }

  public record Measurement(
      @NotBlank @Size(max = 20) String groupId,
      @Size(max = 40) String value,
      @Size(max = 40) String spread,
      @Size(max = 40) String lowerLimit,
      @Size(max = 40) String upperLimit,
      @Size(max = 500) String comment) {}

  public record Category(
      @Size(max = 300) String title, List<@Valid @NotNull Measurement> measurements) {
    public Category {
      measurements = orEmpty(measurements);
    }
  }

  public record MeasureClass(
      @Size(max = 300) String title,
      List<@Valid @NotNull Denom> denoms,
      List<@Valid @NotNull Category> categories) {
    public MeasureClass {
      denoms = orEmpty(denoms);
      categories = orEmpty(categories);
    }
  }
}
