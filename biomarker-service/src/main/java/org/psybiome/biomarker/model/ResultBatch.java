package org.psybiome.biomarker.model;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The object form of a JSON result batch, {@code {"rows": [...]}}; only the API document uses it.
 */
@Schema(
    name = "ResultBatch",
    description = "A batch of rows, the object form of a JSON batch: its only field is rows",
    requiredProperties = {"rows"},
    additionalProperties = Schema.False.class)
public record ResultBatch(@Schema(minItems = 1) List<ResultRow> rows) {

  public ResultBatch {
    rows = List.copyOf(rows);
  }
}
