package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant analysed: the value in each period and the within-participant differences. */
@Schema(name = "CrossoverParticipant")
public record CrossoverParticipant(
    String participant,
    String sequence,
    @Schema(description = "the participant's periods in order") List<PeriodValue> periods,
    @Schema(
            description =
                "per arm other than the comparator that the sequence contains with the comparator:"
                    + " the treatment − comparator difference")
        List<ParticipantDifference> differences) {

  /** The value of a period, in the analyte's standard unit, and the arm given in it. */
  @Schema(name = "CrossoverPeriodValue")
  public record PeriodValue(String period, String visit, String arm, double value) {}

  /**
   * Treatment − comparator within the participant: the mean of the values under the treatment minus
   * the mean under the comparator (of their natural logs on the log scale; {@code ratio} its
   * exponential). In an N-of-1 trial the mean of the cycles' differences, with the participant's
   * own estimate and interval in {@code estimate}.
   */
  @Schema(name = "CrossoverParticipantDifference")
  public record ParticipantDifference(
      String treatment,
      String comparator,
      Double difference,
      @Schema(description = "exp(difference), on the log scale only") Double ratio,
      @Schema(description = "N-of-1: each cycle's treatment − comparator difference, in order")
          List<Double> cycleDifferences,
      @Schema(
              description =
                  "N-of-1: the participant's own estimate, the mean of the cycle differences with"
                      + " SD and 95% t interval on (cycles − 1) df; n is the number of cycles")
          CrossoverEstimate estimate) {}
}
