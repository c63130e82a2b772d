package org.psybiome.devtools.upload;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a results file a batch at a time, never more of it: each batch holds at most {@code
 * maxRows} rows and, unless one row alone is larger, at most {@code maxBytes} bytes of body. The
 * split depends only on the file's content and these two limits, so a second run makes the same
 * batches with the same bodies, byte for byte.
 */
public interface BatchSource extends AutoCloseable {

  /** The next batch, or null after the last. */
  Batch next() throws IOException, FileFormatException;

  @Override
  void close() throws IOException;

  static BatchSource open(UploadFormat format, InputStream in, int maxRows, long maxBytes)
      throws IOException {
    if (maxRows < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("a batch holds at least one row");
    }
    return switch (format) {
      case CSV -> new CsvBatches(in, maxRows, maxBytes);
      case NDJSON -> new NdjsonBatches(in, maxRows, maxBytes);
      case JSON -> new JsonArrayBatches(in, maxRows, maxBytes);
    };
  }
}
