package org.psybiome.gateway.overview;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The biomarker part of the overview: result counts and the chosen summaries. */
@Schema(name = "OverviewResults")
public record ResultSection(
    @Schema(
            description =
                "AVAILABLE, NOT_VISIBLE (results are for the trial's consortium), or"
                    + " UNAVAILABLE (biomarker-service is down; the overview is partial)")
        SectionStatus status,
    @Schema(description = "all results of the trial") long total,
    @Schema(description = "results per visit and analyte") List<ResultCount> counts,
    @Schema(
            description =
                "For each outcome analyte of the trial (primary first) that has results: its"
                    + " summary at the latest visit of the schedule with results. Per arm when"
                    + " the trial is not blinded or the caller is its consortium's statistician,"
                    + " else pooled. Each is a Summary of biomarker-service.")
        List<JsonNode> summaries) {

  public ResultSection {
    counts = List.copyOf(counts);
    summaries = List.copyOf(summaries);
  }

  static ResultSection hidden(SectionStatus status) {
    return new ResultSection(status, 0, List.of(), List.of());
  }
}
