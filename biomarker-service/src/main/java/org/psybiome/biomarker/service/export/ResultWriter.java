package org.psybiome.biomarker.service.export;

import java.io.IOException;
import org.psybiome.biomarker.model.ResultView;

/**
 * Writes exported results one at a time to the response. Implementations buffer a little but never
 * flush per row: each flush would become a network chunk of its own.
 */
interface ResultWriter extends AutoCloseable {

  /** The columns of an export, named like the fields of a result in the JSON API. */
  String[] COLUMNS = {
    "id",
    "participant",
    "visit",
    "sampleId",
    "specimen",
    "collectedAt",
    "analyte",
    "value",
    "unit",
    "standardValue",
    "standardUnit",
    "comparator",
    "censored",
    "qcStatus",
    "registered",
    "corrected",
    "correctedAt",
    "batchId",
    "outOfWindow",
    "assayMethod",
    "assayKit",
    "assayLot",
    "assayRun",
    "lloq",
    "uloq",
    "basis"
  };

  void write(ResultView result) throws IOException;

  /** Writes what is buffered; the response stream itself is closed by the server. */
  @Override
  void close() throws IOException;
}
