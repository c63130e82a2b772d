package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of results, in storage order; {@code nextPageToken} is absent on the last page. */
@Schema(
    name = "ResultPage",
    requiredProperties = {"items"})
public record ResultPage(
    @Schema(description = "at most pageSize results, by id") List<ResultView> items,
    @Schema(description = "pass as pageToken for the next page; absent on the last page")
        String nextPageToken,
    @Schema(
            description =
                "results matching the request that are withheld from the caller while the trial"
                    + " is masked (counted over every page); absent when none are")
        WithheldResults withheld) {

  public ResultPage {
    items = List.copyOf(items);
  }

  public ResultPage(List<ResultView> items, String nextPageToken) {
    this(items, nextPageToken, null);
  }
}
