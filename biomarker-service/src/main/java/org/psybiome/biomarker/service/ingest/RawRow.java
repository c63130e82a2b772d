package org.psybiome.biomarker.service.ingest;

import java.util.Map;

/**
 * One data row of a batch as it arrived, whatever the format: field name to text, absent or empty
 * values left out. {@code row} is the 1-based data row that errors name.
 */
public record RawRow(int row, Map<String, String> fields) {

  public RawRow {
    fields = Map.copyOf(fields);
  }

  public String get(String field) {
    return fields.get(field);
  }
}
