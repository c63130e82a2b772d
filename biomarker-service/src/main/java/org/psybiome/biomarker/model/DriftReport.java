package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Registered against reported measurements of a trial, so that outcome switching (reporting other
 * outcomes than those pre-registered) shows: per visit of the schedule, the analytes reported
 * without pre-registration and those pre-registered but never reported, with totals over the
 * visits.
 */
@Schema(
    name = "DriftReport",
    requiredProperties = {"trialId", "trialVersion", "visits", "totals"})
public record DriftReport(
    String trialId,
    @Schema(description = "the trial version whose schedule the report compares with")
        int trialVersion,
    @Schema(description = "the schedule's visits in order, then visits it no longer has")
        List<VisitDrift> visits,
    Totals totals) {

  public DriftReport {
    visits = List.copyOf(visits);
  }

  /** Counts over all visits; pairs are (visit, analyte). */
  @Schema(
      name = "DriftTotals",
      requiredProperties = {
        "registered",
        "reported",
        "reportedUnregistered",
        "unregisteredResults",
        "registeredNotReported"
      })
  public record Totals(
      @Schema(description = "pre-registered (visit, analyte) pairs") int registered,
      @Schema(description = "(visit, analyte) pairs with results") int reported,
      @Schema(description = "pairs reported without pre-registration") int reportedUnregistered,
      @Schema(description = "results of those pairs") long unregisteredResults,
      @Schema(description = "pre-registered pairs without results") int registeredNotReported) {}
}
