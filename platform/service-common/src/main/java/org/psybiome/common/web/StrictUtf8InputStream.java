package org.psybiome.common.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;

/**
 * Passes a text body through unchanged while checking, byte by byte, that it is well-formed UTF-8
 * (RFC 3629: no overlong forms, no encoded surrogates, nothing above U+10FFFF) without NUL.
 * Decoders are lenient otherwise — Jackson reads the overlong {@code C0 AF} as '/', Java readers
 * turn bad bytes into U+FFFD — and PostgreSQL refuses NUL in text with an error, so a malformed
 * body would be stored altered or end in a 500. It streams: nothing is buffered beyond the caller's
 * reads.
 */
final class StrictUtf8InputStream extends FilterInputStream {

  private final boolean json;
  private long offset;
  // JSON only: an escaped NUL (backslash, u, four zeros) is caught here, because the date and
  // number readers trim it away before any string check could see it.
  private int backslashes; // length of the run of backslashes just read
  private int zerosAfterEscape = -1; // hex digits "0" read after an unescaped backslash-u
  private int pending; // continuation bytes still expected
  private int low = 0x80; // allowed range of the next continuation byte
  private int high = 0xBF;

  StrictUtf8InputStream(InputStream in, boolean json) {
    super(in);
    this.json = json;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      atEnd();
    } else {
      check(b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int start, int length) throws IOException {
    int n = super.read(buffer, start, length);
    if (n < 0) {
      atEnd();
    }
    for (int i = 0; i < n; i++) {
      check(buffer[start + i] & 0xFF);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would go unchecked; read them instead.
    byte[] scratch = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  private void check(int b) {
    if (json) {
      checkEscape(b);
    }
    if (pending > 0) {
      if (b < low || b > high) {
        throw invalid();
      }
      pending--;
      low = 0x80;
      high = 0xBF;
    } else if (b == 0) {
      throw new ProblemException(
          ProblemType.MALFORMED_BODY,
          "The body contains a NUL character (byte " + offset + "), which text cannot hold");
    } else if (b >= 0xC2 && b <= 0xDF) {
      pending = 1;
    } else if (b >= 0xE0 && b <= 0xEF) {
      pending = 2;
      if (b == 0xE0) {
        low = 0xA0; // shorter forms are overlong
      } else if (b == 0xED) {
        high = 0x9F; // D800-DFFF are surrogates, not characters
      }
    } else if (b >= 0xF0 && b <= 0xF4) {
      pending = 3;
      if (b == 0xF0) {
        low = 0x90;
      } else if (b == 0xF4) {
        high = 0x8F; // beyond U+10FFFF
      }
    } else if (b >= 0x80) {
      throw invalid(); // a stray continuation byte, C0/C1 (overlong) or F5-FF
    }
    offset++;
  }

  private void checkEscape(int b) {
    if (zerosAfterEscape >= 0) {
      zerosAfterEscape = b == '0' ? zerosAfterEscape + 1 : -1;
      if (zerosAfterEscape == 4) {
        throw new ProblemException(
            ProblemType.MALFORMED_BODY,
            "The body contains an escaped NUL (\\u0000, byte "
                + offset
                + "), which text cannot hold");
      }
    } else if (b == 'u' && backslashes % 2 == 1) {
      zerosAfterEscape = 0;
    }
    backslashes = b == '\\' ? backslashes + 1 : 0;
  }

  private void atEnd() {
    if (pending > 0) {
      throw invalid();
    }
  }

  private ProblemException invalid() {
    return new ProblemException(
        ProblemType.MALFORMED_BODY, "The body is not valid UTF-8 (at byte " + offset + ")");
  }
}
