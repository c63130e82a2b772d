package org.psybiome.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One trial at a glance for a dashboard: the record, its schedule, result counts per visit and
 * analyte, and summaries of its outcomes, assembled from both services. {@code partial} says that a
 * service could not be asked and names it in {@code unavailable}.
 */
@Schema(name = "TrialOverview")
public record TrialOverview(
    String trialId,
    @Schema(description = "true when part of the overview is missing because a service is down")
        boolean partial,
    @Schema(description = "the services that could not be asked, e.g. biomarker-service")
        List<String> unavailable,
    @Schema(ref = "TrialView", description = "the trial record as trial-service shows it")
        JsonNode trial,
    @Schema(description = "the schedule of assessments, in visit order")
        List<ScheduledVisit> schedule,
    ResultSection results) {

  public TrialOverview {
    unavailable = List.copyOf(unavailable);
    schedule = List.copyOf(schedule);
  }
}
