package org.psybiome.biomarker.service.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.psybiome.biomarker.model.ResultView;

/**
 * RFC 4180 CSV (CRLF line ends, fields quoted where they need it) with a header row. Decimals are
 * written in plain notation exactly as stored; an absent value is an empty field. outOfWindow, the
 * column added in 1.1, is true or false: false also where the visit declares no window. The assay
 * columns (assayMethod to basis) follow it, empty when not reported.
 */
final class CsvResultWriter implements ResultWriter {

  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get();

  private final CSVPrinter printer;

  CsvResultWriter(OutputStream out) throws IOException {
    printer =
        new CSVPrinter(
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
            FORMAT);
  }

  @Override
  public void write(ResultView r) throws IOException {
    printer.printRecord(
        r.id(),
        r.participant(),
        r.visit(),
        r.sampleId(),
        r.specimen(),
        r.collectedAt(),
        r.analyte(),
        plain(r.value()),
        r.unit(),
        plain(r.standardValue()),
        r.standardUnit(),
        r.comparator(),
        r.censored(),
        r.qcStatus(),
        r.registered(),
        r.corrected(),
        r.correctedAt(),
        r.batchId(),
        Boolean.TRUE.equals(r.outOfWindow()),
        r.assayMethod(),
        r.assayKit(),
        r.assayLot(),
        r.assayRun(),
        plain(r.lloq()),
        plain(r.uloq()),
        r.basis());
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
