package org.psybiome.systemtests.corpus;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Bad result batches in the three formats (CSV, NDJSON, JSON). Either the body is malformed as a
 * whole, or a row has a hostile value in a field the service checks (participant, visit, analyte,
 * value, unit, collectedAt, comparator), so that no row of it may be stored; or a row is valid but
 * for escapes, bytes or a size no text has.
 */
final class ResultBatchMutations {

  static final List<String> CHECKED =
      List.of("participant", "visit", "analyte", "value", "unit", "collectedAt", "comparator");
  static final List<String> TEXT = List.of("sampleId");

  /** A bad batch: its kind and variant, the status the API documents for it, and the body. */
  record Mutated(String kind, String variant, int expected, String contentType, byte[] body) {}

  private final Random random;
  private final String participant;
  private int sample;

  ResultBatchMutations(Random random, String participant) {
    this.random = random;
    this.participant = participant;
  }

  Mutated mutate() {
    String format =
        List.of("text/csv", "application/x-ndjson", "application/json").get(random.nextInt(3));
    Map<String, String> row = validRow();
    return switch (random.nextInt(6)) {
      case 0 -> malformed(format);
      case 1, 2 -> {
        String field = pick(CHECKED);
        String value = pick(pick(HostileStrings.ALL_TEXT));
        row.put(field, value);
        yield hostile(format, field, value, encode(format, row, null, null));
      }
      case 3 -> {
        // the raw JSON escapes only mean something in JSON formats; CSV gets the decoded text
        String field = pick(TEXT);
        if (format.equals("text/csv")) {
          String checked = pick(CHECKED);
          String value = pick(HostileStrings.UNICODE);
          row.put(checked, value);
          yield hostile(format, checked, value, encode(format, row, null, null));
        }
        // an escaped NUL is refused as the body is read (400); a lone surrogate is a row error
        String escape = pick(HostileStrings.JSON_ESCAPES);
        boolean nul = escape.contains("u0000");
        yield new Mutated(
            nul ? "invalid-text" : "hostile-value",
            format + " escape text:" + field,
            nul ? 400 : 422,
            format,
            encode(format, row, field, escape.getBytes()));
      }
      case 4 -> {
        boolean checked = random.nextBoolean();
        String field = pick(checked ? CHECKED : TEXT);
        byte[] bytes = pick(HostileStrings.INVALID_UTF8);
        yield new Mutated(
            "invalid-text",
            format + " invalid UTF-8 " + (checked ? "checked:" : "text:") + field,
            400,
            format,
            encode(format, row, field, quoted(format, bytes)));
      }
      default -> {
        boolean checked = random.nextBoolean();
        String field = pick(checked ? CHECKED : TEXT);
        row.put(field, HostileStrings.longString(70_000 + random.nextInt(1000), '9'));
        yield new Mutated(
            "oversized-field",
            format + " " + (checked ? "checked:" : "text:") + field,
            422,
            format,
            encode(format, row, null, null));
      }
    };
  }

  /** A hostile value in a checked field is a row error (422); NUL is no text at all (400). */
  private Mutated hostile(String format, String field, String value, byte[] body) {
    boolean nul = value.indexOf('\u0000') >= 0;
    return new Mutated(
        nul ? "invalid-text" : "hostile-value",
        format + " " + field,
        nul ? 400 : 422,
        format,
        body);
  }

  /**
   * Bodies that are no batch: JSON or CSV that is not well-formed or a CSV without a usable header
   * (400), or a header with unknown or missing columns, NDJSON lines that are no rows, or no rows
   * (422), as the API document says.
   */
  private Mutated malformed(String format) {
    Body body =
        switch (format) {
          case "text/csv" ->
              pick(
                  List.of(
                      new Body("", 400),
                      new Body("participant;visit;sampleId\n" + participant + ";W0;S1\n", 422),
                      new Body(
                          "participant,visit,sampleId,collectedAt,analyte,value,unit\n\"unterminated,W0",
                          400),
                      formulaHeader(),
                      new Body(
                          "participant,visit,sampleId,collectedAt,analyte,value,unit\n", 422)));
          case "application/x-ndjson" ->
              // each line is a row: one that is not JSON, or no object, is a row error (422, as
              // postResults documents), even when no line of the body is JSON
              pick(
                  List.of(
                      new Body("{\"participant\":", 422),
                      new Body("not json\nat all", 422),
                      new Body("[1,2,3]\n", 422),
                      new Body("{}\n{}\n", 422)));
          default ->
              pick(
                  List.of(
                      new Body("{", 400),
                      new Body("[{\"participant\":1}", 400),
                      new Body("{\"rows\":42}", 400),
                      new Body("\"rows\"", 400),
                      new Body("[]", 422)));
        };
    return new Mutated(
        body.expected() == 400 ? "malformed" : "no-usable-rows",
        format + " " + body.text().replace("\n", "\\n"),
        body.expected(),
        format,
        JsonMutations.utf8(body.text()));
  }

  /**
   * A header of a formula and "visit": unknown and missing columns (422); a formula with a quote
   * inside an unquoted cell is no well-formed CSV (400).
   */
  private Body formulaHeader() {
    String formula = pick(HostileStrings.CSV_FORMULA);
    return new Body(formula + ",visit\n1,2\n", formula.contains("\"") ? 400 : 422);
  }

  private record Body(String text, int expected) {}

  private Map<String, String> validRow() {
    Map<String, String> row = new LinkedHashMap<>();
    row.put("participant", participant);
    row.put("visit", "W0");
    row.put("sampleId", "CORPUS-" + (++sample));
    row.put("collectedAt", "2026-01-05T08:00:00Z");
    row.put("analyte", "IL1B");
    row.put("value", "1.25");
    row.put("unit", "pg/mL");
    return row;
  }

  /**
   * The row in {@code format}; when {@code field} is given its value is replaced by {@code raw}
   * bytes exactly (for escapes and invalid UTF-8 that no string can carry).
   */
  private static byte[] encode(String format, Map<String, String> row, String field, byte[] raw) {
    String mark = "@@RAW@@";
    Map<String, String> values = new LinkedHashMap<>(row);
    if (field != null) {
      values.put(field, mark);
    }
    String text;
    if (format.equals("text/csv")) {
      text =
          String.join(",", values.keySet())
              + "\n"
              + String.join(
                  ",", values.values().stream().map(ResultBatchMutations::csvCell).toList())
              + "\n";
    } else {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      values.forEach(node::put);
      String json = node.toString();
      if (field != null) {
        json = json.replace("\"" + mark + "\"", mark);
      }
      text = format.equals("application/json") ? "[" + json + "]" : json + "\n";
    }
    if (field == null) {
      return JsonMutations.utf8(text);
    }
    int at = text.indexOf(mark);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(JsonMutations.utf8(text.substring(0, at)));
    out.writeBytes(raw);
    out.writeBytes(JsonMutations.utf8(text.substring(at + mark.length())));
    return out.toByteArray();
  }

  /** Invalid bytes inside a string value: quoted for JSON, bare in a CSV cell. */
  private static byte[] quoted(String format, byte[] bytes) {
    if (format.equals("text/csv")) {
      return bytes;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('"');
    out.writeBytes(bytes);
    out.write('"');
    return out.toByteArray();
  }

  private static String csvCell(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
