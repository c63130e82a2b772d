package org.psybiome.devtools.upload;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What an upload shows while it runs: a bar redrawn in place on a terminal (rows, rows/s, ETA), or
 * a plain line per batch when the output is a file or a pipe.
 */
public abstract class Progress {

  protected final PrintWriter out;
  private final LongSupplier nanos;
  private String phase = "";
  private long totalRows = -1;
  private long totalBytes;
  private long startedAt;
  private long rows;
  private long bytes;

  protected Progress(PrintWriter out, LongSupplier nanos) {
    this.out = out;
    this.nanos = nanos;
  }

  public static Progress bar(PrintWriter out) {
    return new Bar(out, System::nanoTime);
  }

  public static Progress lines(PrintWriter out) {
    return new Lines(out, System::nanoTime);
  }

  /** A phase begins: its total rows (-1 when not known yet) and the file's size. */
  public void start(String phase, long totalRows, long totalBytes) {
    this.phase = phase;
    this.totalRows = totalRows;
    this.totalBytes = totalBytes;
    this.startedAt = nanos.getAsLong();
    this.rows = 0;
    this.bytes = 0;
    started();
  }

  /** Rows and file bytes done so far in this phase; {@code doing} says what comes next. */
  public void update(long rows, long bytes, String doing) {
    this.rows = rows;
    this.bytes = bytes;
    updated(doing);
  }

  /** A line of its own (a retry, a warning). */
  public abstract void note(String line);

  /** The phase is over. */
  public abstract void finish();

  protected abstract void started();

  protected abstract void updated(String doing);

  /** "12 345 / 250 000 rows 8 123 rows/s ETA 0:17", as far as it is known. */
  protected String status() {
    double seconds = Math.max(1e-9, (nanos.getAsLong() - startedAt) / 1e9);
    long rate = Math.round(rows / seconds);
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%,d", rows));
    if (totalRows >= 0) {
      text.append(String.format(Locale.ROOT, " / %,d", totalRows));
    }
    text.append(" rows  ").append(String.format(Locale.ROOT, "%,d rows/s", rate));
    Duration eta = eta(seconds);
    if (eta != null) {
      text.append("  ETA ").append(clock(eta));
    }
    return text.toString();
  }

  /** The fraction done, from rows when their total is known, else from the file's bytes. */
  protected double fraction() {
    if (totalRows > 0) {
      return Math.min(1.0, (double) rows / totalRows);
    }
    return totalBytes > 0 ? Math.min(1.0, (double) bytes / totalBytes) : 0;
  }

  protected String phase() {
    return phase;
  }

  private Duration eta(double seconds) {
    double done = fraction();
    if (done <= 0 || rows == 0) {
      return null;
    }
    return Duration.ofSeconds(Math.round(seconds * (1 - done) / done));
  }

  static String clock(Duration d) {
    long s = d.toSeconds();
    return s >= 3600
        ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format("%d:%02d", s / 60, s % 60);
  }

  /** A bar on one terminal line, redrawn with a carriage return. */
  static final class Bar extends Progress {

    private static final int WIDTH = 30;
    private String doing = "";

    Bar(PrintWriter out, LongSupplier nanos) {
      super(out, nanos);
    }

    @Override
    protected void started() {
      doing = "";
      draw();
    }

    @Override
    protected void updated(String doing) {
      this.doing = doing;
      draw();
    }

    @Override
    public void note(String line) {
      out.print("\r\033[K");
      out.println(line);
      draw();
    }

    @Override
    public void finish() {
      draw();
      out.println();
      out.flush();
    }

    private void draw() {
      int filled = (int) Math.round(fraction() * WIDTH);
      out.print(
          "\r\033[K"
              + phase()
              + " ["
              + "#".repeat(filled)
              + ".".repeat(WIDTH - filled)
              + "] "
              + status()
              + (doing.isEmpty() ? "" : "  " + doing));
      out.flush();
    }
  }

  /** A line per update, for logs. */
  static final class Lines extends Progress {

    Lines(PrintWriter out, LongSupplier nanos) {
      super(out, nanos);
    }

    @Override
    protected void started() {
      out.println(phase() + " ...");
      out.flush();
    }

    @Override
    protected void updated(String doing) {
      out.println(phase() + ": " + status() + (doing.isEmpty() ? "" : "; " + doing));
      out.flush();
    }

    @Override
    public void note(String line) {
      out.println(line);
      out.flush();
    }

    @Override
    public void finish() {
      out.flush();
    }
  }
}
