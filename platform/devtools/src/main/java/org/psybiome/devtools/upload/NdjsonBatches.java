package org.psybiome.devtools.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An NDJSON file in batches of whole lines, each copied byte for byte. As the service reads a body:
 * lines end at LF (a CR before it is dropped), blank lines are skipped and not counted as rows.
 */
final class NdjsonBatches implements BatchSource {

  private static final byte[] NEWLINE = {'\n'};

  private final InputStream in;
  private final BatchBuilder builder;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int length;
  private byte[] lineBytes = new byte[1024];
  private int lineLength;
  private int line;
  private int index;
  private byte[] pending;
  private int pendingLine;
  private boolean done;

  NdjsonBatches(InputStream in, int maxRows, long maxBytes) {
    this.in = in;
    this.builder = new BatchBuilder(new byte[0], NEWLINE, NEWLINE, maxRows, maxBytes);
  }

  @Override
  public Batch next() throws IOException {
    if (done) {
      return null;
    }
    if (pending != null) {
      builder.add(pending, pendingLine);
      pending = null;
    }
    while (readLine()) {
      int start = line == 1 && startsWithBom() ? 3 : 0;
      String text = new String(lineBytes, start, lineLength - start, StandardCharsets.UTF_8);
      if (text.isBlank()) {
        continue;
      }
      byte[] row = Arrays.copyOfRange(lineBytes, start, lineLength);
      if (!builder.fits(row)) {
        pending = row;
        pendingLine = line;
        return builder.take(index++, 0);
      }
      builder.add(row, line);
    }
    done = true;
    if (builder.isEmpty()) {
      // an empty file is sent once (the service answers that it has no rows)
      return index == 0 ? builder.take(index++, 0) : null;
    }
    return builder.take(index++, 0);
  }

  private boolean startsWithBom() {
    return lineLength >= 3
        && (lineBytes[0] & 0xff) == 0xEF
        && (lineBytes[1] & 0xff) == 0xBB
        && (lineBytes[2] & 0xff) == 0xBF;
  }

  /** The next line into {@code lineBytes}, without LF or the CR before it; false at the end. */
  private boolean readLine() throws IOException {
    lineLength = 0;
    boolean any = false;
    while (true) {
      if (position == length) {
        length = in.read(buffer);
        position = 0;
        if (length <= 0) {
          length = 0;
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      byte b = buffer[position++];
      if (b == '\n') {
        break;
      }
      if (lineLength == lineBytes.length) {
        lineBytes = Arrays.copyOf(lineBytes, lineLength * 2);
      }
      lineBytes[lineLength++] = b;
    }
    if (lineLength > 0 && lineBytes[lineLength - 1] == '\r') {
      lineLength--;
    }
    line++;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
