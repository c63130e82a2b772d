package org.psybiome.gateway.overview;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A visit of the trial's schedule of assessments, as trial-service registered it. */
@Schema(name = "OverviewVisit")
public record ScheduledVisit(
    String code,
    String label,
    @Schema(description = "days from randomisation") int dayOffset,
    boolean baseline,
    @Schema(description = "biomarker panels collected at the visit") List<String> panels,
    @Schema(description = "rating scales collected at the visit") List<String> scales) {}
