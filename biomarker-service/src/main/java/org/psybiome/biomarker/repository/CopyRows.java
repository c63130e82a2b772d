package org.psybiome.biomarker.repository;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes rows in PostgreSQL's COPY text format: fields separated by tabs, rows by newlines, {@code
 * \N} for NULL, and backslash, tab, newline and carriage return escaped inside a field, so that no
 * value (a sample id with a tab, a unit with a backslash) can shift a column or split a row.
 */
final class CopyRows {

  private final Writer out;
  private boolean firstField = true;

  CopyRows(Writer out) {
    this.out = out;
  }

  CopyRows field(String value) throws IOException {
    separate();
    if (value == null) {
      out.write("\\N");
      return this;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.write("\\\\");
        case '\t' -> out.write("\\t");
        case '\n' -> out.write("\\n");
        case '\r' -> out.write("\\r");
        default -> out.write(c);
      }
    }
    return this;
  }

  /** A value that cannot contain a special character (numbers, UUIDs, instants, booleans). */
  CopyRows plain(String value) throws IOException {
    separate();
    out.write(value == null ? "\\N" : value);
    return this;
  }

  void endRow() throws IOException {
    out.write('\n');
    firstField = true;
  }

  private void separate() throws IOException {
    if (!firstField) {
      out.write('\t');
    }
    firstField = false;
  }
}
