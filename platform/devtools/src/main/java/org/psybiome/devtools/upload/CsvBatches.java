package org.psybiome.devtools.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * A CSV file (RFC 4180, as the service reads it with commons-csv's default format) in batches: the
 * header line, then whole records, each copied as it stands in the file (a quoted field keeps its
 * line breaks). Records are found by the same rules as the service's parser: a line break ends a
 * record unless it is inside a quoted field; a field is quoted when it starts with {@code "};
 * {@code ""} inside one is a quote; CR, LF and CRLF are line breaks; empty lines are skipped. Each
 * batch repeats the header, so the service numbers its rows 1, 2, ... in the order kept here.
 */
final class CsvBatches implements BatchSource {

  private static final byte[] NEWLINE = {'\n'};

  private final RecordReader records;
  private final int maxRows;
  private final long maxBytes;
  private BatchBuilder builder;
  private int headerLine;
  private int index;
  private byte[] pending;
  private int pendingLine;
  private boolean done;

  CsvBatches(InputStream in, int maxRows, long maxBytes) {
    this.records = new RecordReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.maxRows = maxRows;
    this.maxBytes = maxBytes;
  }

  @Override
  public Batch next() throws IOException, FileFormatException {
    if (builder == null) {
      String header = records.next();
      if (header == null) {
        throw new FileFormatException(1, "the file is empty: a CSV file starts with a header line");
      }
      headerLine = records.startLine();
      byte[] prefix = (header + "\n").getBytes(StandardCharsets.UTF_8);
      builder = new BatchBuilder(prefix, NEWLINE, NEWLINE, maxRows, maxBytes);
    }
    if (done) {
      return null;
    }
    if (pending != null) {
      builder.add(pending, pendingLine);
      pending = null;
    }
    String record;
    while ((record = records.next()) != null) {
      byte[] bytes = record.getBytes(StandardCharsets.UTF_8);
      if (!builder.fits(bytes)) {
        pending = bytes;
        pendingLine = records.startLine();
        return builder.take(index++, headerLine);
      }
      builder.add(bytes, records.startLine());
    }
    done = true;
    if (builder.isEmpty()) {
      // a header alone is a batch of its own (the service answers it); none after the last row
      return index == 0 ? builder.take(index++, headerLine) : null;
    }
    return builder.take(index++, headerLine);
  }

  @Override
  public void close() throws IOException {
    records.close();
  }

  /** Raw records of a CSV text and the line each starts on. */
  static final class RecordReader implements AutoCloseable {

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private boolean started;
    private int line = 1;
    private int startLine;

    RecordReader(Reader in) {
      this.in = in;
    }

    /** The line the record last returned by {@link #next} starts on (1-based). */
    int startLine() {
      return startLine;
    }

    /** The next non-empty record, without its line break; null at the end of the file. */
    String next() throws IOException, FileFormatException {
      if (!started) {
        started = true;
        if (peek() == '\uFEFF') {
          read(); // a byte-order mark, as spreadsheets write it; the service skips it too
        }
      }
      StringBuilder record = new StringBuilder(128);
      while (true) {
        int c = read();
        if (c == -1) {
          return null;
        }
        if (c == '\n' || c == '\r') {
          lineBreak(c); // an empty line
          continue;
        }
        startLine = line;
        readRecord(c, record);
        return record.toString();
      }
    }

    private void readRecord(int first, StringBuilder record)
        throws IOException, FileFormatException {
      boolean fieldStart = true;
      int c = first;
      while (true) {
        if (c == -1) {
          return;
        }
        if (c == '\n' || c == '\r') {
          lineBreak(c);
          return;
        }
        if (c == '"' && fieldStart) {
          record.append('"');
          readQuoted(record);
          fieldStart = false;
        } else {
          record.append((char) c);
          fieldStart = c == ',';
        }
        c = read();
      }
    }

    /** The rest of a quoted field after its opening quote, up to the next delimiter. */
    private void readQuoted(StringBuilder record) throws IOException, FileFormatException {
      int opened = line;
      while (true) {
        int c = read();
        if (c == -1) {
          throw new FileFormatException(
              opened, "a quoted field is not closed (a \" is missing) before the end of the file");
        }
        record.append((char) c);
        if (c == '"') {
          if (peek() == '"') {
            record.append((char) read()); // "" is a quote inside the field
            continue;
          }
          break;
        }
        if (c == '\n') {
          line++;
        } else if (c == '\r' && peek() != '\n') {
          line++;
        }
      }
      // after the closing quote: only blanks before the next delimiter or line break
      while (true) {
        int c = peek();
        if (c == -1 || c == ',' || c == '\n' || c == '\r') {
          return;
        }
        if (!Character.isWhitespace((char) c)) {
          throw new FileFormatException(
              line, "a character follows a closing quote (a quote inside a field is written \"\")");
        }
        record.append((char) read());
      }
    }

    private void lineBreak(int c) throws IOException {
      if (c == '\r' && peek() == '\n') {
        read();
      }
      line++;
    }

    private int read() throws IOException {
      if (position == length && !fill()) {
        return -1;
      }
      return buffer[position++];
    }

    private int peek() throws IOException {
      if (position == length && !fill()) {
        return -1;
      }
      return buffer[position];
    }

    private boolean fill() throws IOException {
      int n;
      do {
        n = in.read(buffer, 0, buffer.length);
      } while (n == 0);
      if (n < 0) {
        return false;
      }
      position = 0;
      length = n;
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
