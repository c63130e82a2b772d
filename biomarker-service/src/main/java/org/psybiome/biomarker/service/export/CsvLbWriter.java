package org.psybiome.biomarker.service.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The LB dataset as RFC 4180 CSV: a header of the variable names, a row per record. */
final class CsvLbWriter implements LbWriter {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader(Arrays.stream(LbColumn.values()).map(Enum::name).toArray(String[]::new))
          .get();

  private final CSVPrinter printer;

  CsvLbWriter(OutputStream out) throws IOException {
    printer =
        new CSVPrinter(
            new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
            FORMAT);
  }

  @Override
  public void begin(long records) {
    // CSV states no size
  }

  @Override
  public void write(LbRecord record) throws IOException {
    Object[] values = record.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof BigDecimal d) {
        values[i] = d.toPlainString();
      }
    }
    printer.printRecord(values);
  }

  @Override
  public void end() {
    // a CSV file ends with its last row
  }

  @Override
  public void close() throws IOException {
    printer.flush();
  }
}
