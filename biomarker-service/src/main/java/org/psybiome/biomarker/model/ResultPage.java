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
        String nextPageToken) {

  public ResultPage {
    items = List.copyOf(items);
  }
}
