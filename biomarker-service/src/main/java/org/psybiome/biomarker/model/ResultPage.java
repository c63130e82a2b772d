package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of results, in storage order; {@code nextPageToken} is absent on the last page. */
@Schema(name = "ResultPage")
public record ResultPage(List<ResultView> items, String nextPageToken) {

  public ResultPage {
    items = List.copyOf(items);
  }
}
