package org.psybiome.trial.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of search results; {@code nextPageToken} is absent on the last page. */
@Schema(requiredProperties = {"items", "total", "totalExact"})
public record TrialPage(
    List<TrialSummary> items,
    @Schema(
            description =
                "trials matching the search: exact up to 1000; beyond, 1000 with totalExact false")
        long total,
    @Schema(description = "false when more trials match than total says (at least that many)")
        boolean totalExact,
    String nextPageToken) {}
