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

  record Mutated(String kind, String contentType, byte[] body) {}

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
        row.put(field, pick(pick(HostileStrings.ALL_TEXT)));
        yield new Mutated("hostile:" + field, format, encode(format, row, null, null));
      }
      case 3 -> {
        // the raw JSON escapes only mean something in JSON formats; CSV gets the decoded text
        String field = pick(TEXT);
        yield format.equals("text/csv")
            ? csvWith(row, pick(CHECKED), pick(HostileStrings.UNICODE))
            : new Mutated(
                "escape:text:" + field,
                format,
                encode(format, row, field, pick(HostileStrings.JSON_ESCAPES).getBytes()));
      }
      case 4 -> {
        boolean checked = random.nextBoolean();
        String field = pick(checked ? CHECKED : TEXT);
        byte[] bytes = pick(HostileStrings.INVALID_UTF8);
        yield new Mutated(
            "invalid-utf8:" + (checked ? "checked:" : "text:") + field,
            format,
            encode(format, row, field, quoted(format, bytes)));
      }
      default -> {
        boolean checked = random.nextBoolean();
        String field = pick(checked ? CHECKED : TEXT);
        row.put(field, HostileStrings.longString(70_000, '9'));
        yield new Mutated(
            "oversized:" + (checked ? "checked:" : "text:") + field,
            format,
            encode(format, row, null, null));
      }
    };
  }

  private Mutated csvWith(Map<String, String> row, String field, String value) {
    row.put(field, value);
    return new Mutated("unicode:" + field, "text/csv", encode("text/csv", row, null, null));
  }

  private Mutated malformed(String format) {
    String body =
        switch (format) {
          case "text/csv" ->
              pick(
                  List.of(
                      "",
                      "participant;visit;sampleId\n" + participant + ";W0;S1\n",
                      "participant,visit,sampleId,collectedAt,analyte,value,unit\n\"unterminated,W0",
                      pick(HostileStrings.CSV_FORMULA) + ",visit\n1,2\n",
                      "\u0000\u0000\u0000"));
          case "application/x-ndjson" ->
              pick(List.of("{\"participant\":", "not json\nat all", "[1,2,3]\n", "{}\n{}\n"));
          default -> pick(List.of("{", "[{\"participant\":1}", "{\"rows\":42}", "\"rows\"", "[]"));
        };
    return new Mutated("malformed:" + format, format, JsonMutations.utf8(body));
  }

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
