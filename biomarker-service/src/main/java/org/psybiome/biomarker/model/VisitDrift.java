package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Registered against reported analytes at one visit. */
@Schema(
    name = "VisitDrift",
    requiredProperties = {
      "visit",
      "inSchedule",
      "registered",
      "reported",
      "reportedUnregistered",
      "registeredNotReported",
      "unknownPanels"
    })
public record VisitDrift(
    @Schema(example = "W8") String visit,
    @Schema(description = "false for a visit with results that the current schedule no longer has")
        boolean inSchedule,
    @Schema(
            description =
                "the analytes pre-registered at the visit: its panels' analytes, in panel order,"
                    + " then its scales")
        List<String> registered,
    @Schema(description = "every analyte with results at the visit, by code")
        List<AnalyteCount> reported,
    @Schema(description = "reported without being pre-registered at the visit, by code")
        List<AnalyteCount> reportedUnregistered,
    @Schema(description = "pre-registered at the visit, without any result, in registered order")
        List<String> registeredNotReported,
    @Schema(description = "panels the schedule names that the catalogue does not have")
        List<String> unknownPanels) {

  public VisitDrift {
    registered = List.copyOf(registered);
    reported = List.copyOf(reported);
    reportedUnregistered = List.copyOf(reportedUnregistered);
    registeredNotReported = List.copyOf(registeredNotReported);
    unknownPanels = List.copyOf(unknownPanels);
  }
}
