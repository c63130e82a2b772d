package org.psybiome.devtools.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The bar and the lines, on a clock the test sets. */
class ProgressTest {

  private final AtomicLong nanos = new AtomicLong();
  private final StringWriter text = new StringWriter();

  @Test
  void aBarIsRedrawnInPlaceWithRowsRateAndEta() {
    Progress bar = new Progress.Bar(new PrintWriter(text), nanos::get);
    bar.start("storing", 250_000, 0);
    nanos.set(10_000_000_000L); // 10 s later, 100 000 of 250 000 rows done:
    bar.update(100_000, 0, "batch 2");
    // 10 000 rows/s; 40 % in 10 s leaves 60 %: 10 × 0.6 / 0.4 = 15 s; 30 × 0.4 = 12 of 30 marks
    String last = text.toString().substring(text.toString().lastIndexOf('\r'));
    assertEquals(
        "\r\033[Kstoring [############..................] 100,000 / 250,000 rows  10,000 rows/s"
            + "  ETA 0:15  batch 2",
        last);
  }

  @Test
  void withoutATotalTheEtaComesFromTheFilesBytes() {
    Progress lines = new Progress.Lines(new PrintWriter(text), nanos::get);
    lines.start("checking", -1, 1_000);
    nanos.set(4_000_000_000L); // 4 s, 250 of 1 000 bytes: 4 × 0.75 / 0.25 = 12 s
    lines.update(50_000, 250, "");
    assertEquals(
        "checking ...\nchecking: 50,000 rows  12,500 rows/s  ETA 0:12\n",
        text.toString().replace(System.lineSeparator(), "\n"));
    assertTrue(!text.toString().contains("\r"));
  }
}
