package org.psybiome.devtools.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How files are split into batches, and which line of the file each row of a batch is. */
class BatchSourceTest {

  private static List<Batch> split(UploadFormat format, String text, int rows, long bytes)
      throws Exception {
    List<Batch> batches = new ArrayList<>();
    try (BatchSource source =
        BatchSource.open(
            format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rows, bytes)) {
      Batch batch;
      while ((batch = source.next()) != null) {
        batches.add(batch);
      }
    }
    return batches;
  }

  private static String body(Batch batch) {
    return new String(batch.body(), StandardCharsets.UTF_8);
  }

  @Test
  void csvRowsKeepTheirFileLinesAcrossBatchesQuotedLineBreaksAndBlankLines() throws Exception {
    String csv =
        "\uFEFFparticipant,visit,assayKit\r\n" // line 1, with a byte-order mark and CRLF
            + "P1,W0,A\r\n" // line 2: row 1
            + "\r\n" // line 3: empty, skipped
            + "P2,W0,\"kit\nlot 7\"\r\n" // lines 4-5: row 2, a line break inside quotes
            + "P3,W0,\"say \"\"hi\"\"\"\n" // line 6: row 3, escaped quotes
            + "P4,W0,B\n" // line 7: row 4
            + "P5,W0,\"x,\r\ny\"\n" // lines 8-9: row 5, CRLF inside quotes counts once
            + "P6,W0,C"; // line 10: row 6, no final line break
    List<Batch> batches = split(UploadFormat.CSV, csv, 4, Long.MAX_VALUE);

    assertEquals(2, batches.size());
    assertArrayEquals(new int[] {2, 4, 6, 7}, batches.get(0).lines());
    assertArrayEquals(new int[] {8, 10}, batches.get(1).lines());
    assertEquals(1, batches.get(0).headerLine());
    // each batch repeats the header, records as they stand, LF between them
    assertEquals(
        "participant,visit,assayKit\nP1,W0,A\nP2,W0,\"kit\nlot 7\"\nP3,W0,\"say \"\"hi\"\"\"\n"
            + "P4,W0,B\n",
        body(batches.get(0)));
    assertEquals("participant,visit,assayKit\nP5,W0,\"x,\r\ny\"\nP6,W0,C\n", body(batches.get(1)));
    assertEquals(1, batches.get(1).index());
    // the service's row 2 of the first batch is the record that starts on line 4
    assertEquals(4, batches.get(0).lineOf(2));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsText() throws Exception {
    List<Batch> batches = split(UploadFormat.CSV, "a,b\nx\"y,z\nq,r\n", 10, Long.MAX_VALUE);
    assertArrayEquals(new int[] {2, 3}, batches.get(0).lines());
  }

  @Test
  void anUnclosedQuoteIsReportedAtTheLineItOpens() {
    FileFormatException e =
        assertThrows(
            FileFormatException.class,
            () -> split(UploadFormat.CSV, "a,b\n1,2\n3,\"four\n5,6\n", 10, Long.MAX_VALUE));
    assertEquals(3, e.line());
  }

  @Test
  void textAfterAClosingQuoteIsReported() {
    FileFormatException e =
        assertThrows(
            FileFormatException.class,
            () -> split(UploadFormat.CSV, "a,b\n\"x\"y,2\n", 10, Long.MAX_VALUE));
    assertEquals(2, e.line());
  }

  @Test
  void aBatchEndsBeforeItsBodyWouldPassTheByteLimit() throws Exception {
    // header "h\n" (2 bytes) + rows "r1\n" (3 bytes each): 11 bytes hold the header and 3 rows
    List<Batch> batches = split(UploadFormat.CSV, "h\nr1\nr2\nr3\nr4\n", 100, 11);
    assertEquals(2, batches.size());
    assertEquals("h\nr1\nr2\nr3\n", body(batches.get(0)));
    assertEquals("h\nr4\n", body(batches.get(1)));
    // a row larger than the limit goes alone rather than not at all
    List<Batch> big = split(UploadFormat.CSV, "h\n" + "x".repeat(50) + "\nr\n", 100, 11);
    assertEquals(2, big.size());
    assertArrayEquals(new int[] {2}, big.get(0).lines());
  }

  @Test
  void aHeaderWithoutRowsIsOneEmptyBatch() throws Exception {
    List<Batch> batches = split(UploadFormat.CSV, "participant,visit\n\n", 10, Long.MAX_VALUE);
    assertEquals(1, batches.size());
    assertEquals(0, batches.get(0).rows());
    assertEquals(1, batches.get(0).firstLineOrHeader());
  }

  @Test
  void ndjsonLinesAreCopiedAndBlankOnesSkipped() throws Exception {
    String ndjson =
        "{\"a\":1}\r\n" // line 1
            + "\n" // line 2: blank
            + "  \t\n" // line 3: blank
            + "{\"a\":\"é\"}\n" // line 4
            + "not json\n" // line 5: sent, the service refuses it row by row
            + "{\"a\":3}"; // line 6, no final line break
    List<Batch> batches = split(UploadFormat.NDJSON, ndjson, 2, Long.MAX_VALUE);
    assertEquals(2, batches.size());
    assertArrayEquals(new int[] {1, 4}, batches.get(0).lines());
    assertArrayEquals(new int[] {5, 6}, batches.get(1).lines());
    assertEquals("{\"a\":1}\n{\"a\":\"é\"}\n", body(batches.get(0)));
    assertEquals("not json\n{\"a\":3}\n", body(batches.get(1)));
  }

  @Test
  void aJsonArrayIsSplitByElementsWithTheLineEachStartsOn() throws Exception {
    String json =
        "[\n" // line 1
            + "  {\"participant\": \"P1\", \"value\": 2.50},\n" // line 2
            + "  {\"participant\": \"P2\",\n" // line 3
            + "   \"value\": 1e-7, \"note\": \"é\"},\n" // line 4
            + "  {\"participant\": \"P3\", \"value\": 3}\n" // line 5
            + "]\n";
    List<Batch> batches = split(UploadFormat.JSON, json, 2, Long.MAX_VALUE);
    assertEquals(2, batches.size());
    assertArrayEquals(new int[] {2, 3}, batches.get(0).lines());
    assertArrayEquals(new int[] {5}, batches.get(1).lines());
    // values as written (2.50 keeps its zero), non-ASCII escaped
    assertEquals(
        "[{\"participant\":\"P1\",\"value\":2.50},"
            + "{\"participant\":\"P2\",\"value\":1E-7,\"note\":\"\\u00E9\"}]",
        body(batches.get(0)));
    assertEquals("[{\"participant\":\"P3\",\"value\":3}]", body(batches.get(1)));
  }

  @Test
  void theRowsWrapperIsReadTooAndOtherShapesAreRefused() throws Exception {
    List<Batch> batches =
        split(UploadFormat.JSON, "{\"rows\": [{\"a\": 1},\n{\"a\": 2}]}", 10, Long.MAX_VALUE);
    assertArrayEquals(new int[] {1, 2}, batches.get(0).lines());
    assertThrows(
        FileFormatException.class,
        () -> split(UploadFormat.JSON, "{\"rows\": [], \"more\": 1}", 10, Long.MAX_VALUE));
    assertThrows(FileFormatException.class, () -> split(UploadFormat.JSON, "{\"a\": 1}", 10, 100));
    assertThrows(FileFormatException.class, () -> split(UploadFormat.JSON, "[1] [2]", 10, 100));
    FileFormatException broken =
        assertThrows(
            FileFormatException.class,
            () -> split(UploadFormat.JSON, "[\n{\"a\": 1},\n{\"a\": }\n]", 10, 100));
    assertEquals(3, broken.line());
  }

  @Test
  void aHugeJsonArrayIsReadAsAStream() throws Exception {
    // 10 million rows (about 200 MB) made as they are read, never held: the first batch of 1 000
    // rows arrives after little more than its own bytes have been read
    CountingRows rows = new CountingRows(10_000_000);
    try (BatchSource source = BatchSource.open(UploadFormat.JSON, rows, 1000, Long.MAX_VALUE)) {
      Batch first = source.next();
      assertEquals(1000, first.rows());
      assertEquals(2, first.lines()[1]); // one row per line, "[" on line 1 with the first
      assertTrue(rows.read < 200_000, "read " + rows.read + " bytes for the first batch");
      Batch second = source.next();
      assertEquals(1, second.index());
      assertEquals(1001, second.lines()[0]);
    }
  }

  @Test
  void csvAndNdjsonAreReadAsAStreamToo() throws Exception {
    for (UploadFormat format : List.of(UploadFormat.CSV, UploadFormat.NDJSON)) {
      CountingRows rows = new CountingRows(10_000_000, format);
      try (BatchSource source = BatchSource.open(format, rows, 1000, Long.MAX_VALUE)) {
        assertEquals(1000, source.next().rows());
        assertTrue(rows.read < 200_000, format + ": read " + rows.read + " bytes");
      }
    }
  }

  @Test
  void theSameFileMakesTheSameBatchesByteForByte() throws Exception {
    String csv = "a,b\n1,2\n3,4\n5,6\n";
    List<Batch> first = split(UploadFormat.CSV, csv, 2, Long.MAX_VALUE);
    List<Batch> again = split(UploadFormat.CSV, csv, 2, Long.MAX_VALUE);
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i).body(), again.get(i).body());
    }
  }

  @Test
  void anEmptyJsonArrayIsOneEmptyBatch() throws Exception {
    List<Batch> batches = split(UploadFormat.JSON, "[]", 10, 100);
    assertEquals(1, batches.size());
    assertEquals("[]", body(batches.get(0)));
  }

  /** A file of rows made as it is read, counting the bytes handed out. */
  private static final class CountingRows extends InputStream {
    private final int total;
    private final UploadFormat format;
    private int next;
    private byte[] chunk = new byte[0];
    private int position;
    long read;

    CountingRows(int total) {
      this(total, UploadFormat.JSON);
    }

    CountingRows(int total, UploadFormat format) {
      this.total = total;
      this.format = format;
    }

    @Override
    public int read() throws IOException {
      if (position == chunk.length && !refill()) {
        return -1;
      }
      read++;
      return chunk[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (position == chunk.length && !refill()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - position);
      System.arraycopy(chunk, position, buffer, offset, n);
      position += n;
      read += n;
      return n;
    }

    private boolean refill() {
      if (next > total) {
        return false;
      }
      String text;
      if (next == total) {
        text = format == UploadFormat.JSON ? "]" : "";
      } else if (format == UploadFormat.JSON) {
        text = (next == 0 ? "[" : ",\n") + "{\"participant\": \"P" + next + "\", \"value\": 1.5}";
      } else if (format == UploadFormat.CSV) {
        text = (next == 0 ? "participant,value\n" : "") + "P" + next + ",1.5\n";
      } else {
        text = "{\"participant\": \"P" + next + "\"}\n";
      }
      next++;
      chunk = text.getBytes(StandardCharsets.UTF_8);
      position = 0;
      return chunk.length > 0 || refill();
    }
  }
}
