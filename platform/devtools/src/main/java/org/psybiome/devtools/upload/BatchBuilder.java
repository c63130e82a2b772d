package org.psybiome.devtools.upload;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** A batch being filled: its body so far and the file line of each row. */
final class BatchBuilder {

  private final byte[] prefix;
  private final byte[] separator;
  private final byte[] suffix;
  private final int maxRows;
  private final long maxBytes;
  private final ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 16);
  private int[] lines = new int[1024];
  private int rows;

  /**
   * @param prefix written first (a CSV header line, "[")
   * @param separator between two rows ("," in a JSON array)
   * @param suffix written last ("]")
   */
  BatchBuilder(byte[] prefix, byte[] separator, byte[] suffix, int maxRows, long maxBytes) {
    this.prefix = prefix;
    this.separator = separator;
    this.suffix = suffix;
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
    body.writeBytes(prefix);
  }

  boolean isEmpty() {
    return rows == 0;
  }

  /** True when {@code row} (its encoded bytes) still fits; a first row always fits. */
  boolean fits(byte[] row) {
    if (rows == 0) {
      return true;
    }
    return rows < maxRows
        && (long) body.size() + separator.length + row.length + suffix.length <= maxBytes;
  }

  void add(byte[] row, int line) {
    if (rows > 0) {
      body.writeBytes(separator);
    }
    body.writeBytes(row);
    if (rows == lines.length) {
      lines = Arrays.copyOf(lines, rows * 2);
    }
    lines[rows++] = line;
  }

  /** The batch, and this builder emptied for the next one. */
  Batch take(int index, int headerLine) {
    body.writeBytes(suffix);
    Batch batch = new Batch(index, body.toByteArray(), Arrays.copyOf(lines, rows), headerLine);
    body.reset();
    body.writeBytes(prefix);
    rows = 0;
    return batch;
  }
}
