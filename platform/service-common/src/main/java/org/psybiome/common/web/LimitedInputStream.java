package org.psybiome.common.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.psybiome.common.problem.ProblemException;

/**
 * Passes a body through until it has given more than its limit, then throws the 413 problem: a body
 * of undeclared length (chunked) is cut off while it is read, before anything is made of it.
 */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private final Supplier<ProblemException> tooLarge;
  private long read;

  LimitedInputStream(InputStream in, long limit, Supplier<ProblemException> tooLarge) {
    super(in);
    this.limit = limit;
    this.tooLarge = tooLarge;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int start, int length) throws IOException {
    int n = super.read(buffer, start, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    count(skipped);
    return skipped;
  }

  private void count(long bytes) {
    read += bytes;
    if (read > limit) {
      throw tooLarge.get();
    }
  }
}
