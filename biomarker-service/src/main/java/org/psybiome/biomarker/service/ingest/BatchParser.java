package org.psybiome.biomarker.service.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.web.StrictJson;

/**
 * Reads a result batch in any of its formats into {@link RawRow}s. What is wrong with a single row
 * (an unknown field, a line that is not JSON) is collected as a row error; only a body that has no
 * rows to speak of (not JSON at all, a CSV without a header) is refused outright.
 */
@ApplicationScoped
public class BatchParser {

  public static final String NDJSON = "application/x-ndjson";
  public static final String CSV = "text/csv";

  // Floats as BigDecimal: a reported 0.1 must not become 0.1000000000000000055.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // a spliced body must not act
          .build();

  private static final CSVFormat CSV_FORMAT =
      CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreEmptyLines(true)
          .setTrim(true)
          .get();

  private final int maxRows;

  @Inject
  BatchParser(BiomarkerConfig config) {
    this(config.maxBatchRows());
  }

  BatchParser(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The rows of {@code body}; {@code format} is one of JSON, {@link #NDJSON}, {@link #CSV}. */
  List<RawRow> parse(byte[] body, String format, RowErrors errors) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1); // spreadsheet exports start with a byte-order mark
    }
    return switch (format) {
      case NDJSON -> ndjson(text, errors);
      case CSV -> csv(text, errors);
      default -> json(text, errors);
    };
  }

  private List<RawRow> json(String text, RowErrors errors) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw malformed("The body is not well-formed JSON");
    }
    if (root != null && root.isObject() && root.size() == 1 && root.has("rows")) {
      root = root.get("rows");
    }
    if (root == null || !root.isArray()) {
      throw malformed("The body must be an array of rows or an object {\"rows\": [...]}");
    }
    requireAtMostMax(root.size());
    List<RawRow> rows = new ArrayList<>(root.size());
    int number = 0;
    for (JsonNode node : root) {
      rows.add(row(++number, node, errors));
    }
    return rows;
  }

  private List<RawRow> ndjson(String text, RowErrors errors) {
    List<RawRow> rows = new ArrayList<>();
    int number = 0;
    for (String line : text.split("\r?\n", -1)) {
      if (line.isBlank()) {
        continue; // a trailing newline, or a blank line between rows
      }
      requireAtMostMax(++number);
      try {
        rows.add(row(number, JSON.readTree(line), errors));
      } catch (JsonProcessingException e) {
        errors.add(number, "", "is not well-formed JSON");
        rows.add(new RawRow(number, Map.of()));
      }
    }
    return rows;
  }

  private List<RawRow> csv(String text, RowErrors errors) {
    try (CSVParser parser = CSV_FORMAT.parse(new StringReader(text))) {
      List<String> header = parser.getHeaderNames();
      if (header.isEmpty()) {
        throw malformed("A CSV batch starts with a header line naming its columns");
      }
      for (String column : header) {
        if (!ResultFields.ALL.contains(column)) {
          errors.addGeneral(column, "unknown column");
        }
      }
      for (String required : ResultFields.REQUIRED) {
        if (!header.contains(required)) {
          errors.addGeneral(required, "missing column");
        }
      }
      // the header's columns in order, null where a column is not a result field
      String[] known =
          header.stream().map(c -> ResultFields.ALL.contains(c) ? c : null).toArray(String[]::new);
      List<RawRow> rows = new ArrayList<>();
      int number = 0;
      for (Iterator<CSVRecord> records = parser.iterator(); records.hasNext(); ) {
        CSVRecord record = records.next();
        requireAtMostMax(++number);
        if (!record.isConsistent()) {
          errors.add(
              number, "", "has " + record.size() + " values for " + header.size() + " columns");
        }
        // by position against the header read once, rather than a map per record from toMap()
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < known.length && i < record.size(); i++) {
          String value = record.get(i);
          if (known[i] != null && value != null && !value.isEmpty()) {
            fields.put(known[i], value);
          }
        }
        rows.add(new RawRow(number, fields));
      }
      return rows;
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // commons-csv's messages name Java types and echo content; say what is wrong instead
      throw malformed("The body is not well-formed CSV (e.g. an unclosed quote)");
    } catch (IllegalArgumentException e) {
      throw malformed("The CSV header names a column twice or has an empty name");
    }
  }

  private static RawRow row(int number, JsonNode node, RowErrors errors) {
    if (node == null || !node.isObject()) {
      errors.add(number, "", "must be an object");
      return new RawRow(number, Map.of());
    }
    Map<String, String> fields = new HashMap<>();
    node.fields()
        .forEachRemaining(
            entry -> {
              String name = entry.getKey();
              JsonNode value = entry.getValue();
              if (!ResultFields.ALL.contains(name)) {
                errors.add(number, name, "unknown field");
              } else if (value.isNumber()) {
                fields.put(name, value.decimalValue().toPlainString());
              } else if (value.isTextual()) {
                String text = value.asText();
                if (!StrictJson.isStorableText(text)) {
                  // JSON escapes can spell NUL and lone surrogates, which text columns cannot hold
                  errors.add(number, name, "must not contain NUL or unpaired surrogates");
                } else if (!text.isEmpty()) {
                  fields.put(name, text);
                }
              } else if (!value.isNull()) {
                errors.add(number, name, "must be a string or a number");
              }
            });
    return new RawRow(number, fields);
  }

  private void requireAtMostMax(int rows) {
    if (rows > maxRows) {
      throw new ProblemException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "A batch may carry at most " + maxRows + " rows; split it into several batches");
    }
  }

  private static ProblemException malformed(String detail) {
    return new ProblemException(
        ProblemType.MALFORMED_BODY, detail, List.of(Violation.of("", detail)));
  }
}
