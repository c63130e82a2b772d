package org.psybiome.biomarker.service.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.ProblemType;
import org.psybiome.common.problem.Violation;

/** Reading result batches in each format into raw rows, and what is wrong with them into errors. */
class BatchParserTest {

  private static final String JSON = "application/json";
  private static final BatchParser PARSER = new BatchParser(3);

  private static final Map<String, String> IL6_ROW =
      Map.of(
          "participant", "P-001",
          "visit", "W0",
          "sampleId", "S-1",
          "collectedAt", "2026-03-02T08:00:00Z",
          "analyte", "IL6",
          "value", "3.25",
          "unit", "pg/mL");

  @Test
  void aJsonArrayOfRows() {
    RowErrors errors = new RowErrors();

    List<RawRow> rows =
        parse(
            """
            [{"participant": "P-001", "visit": "W0", "sampleId": "S-1",
              "collectedAt": "2026-03-02T08:00:00Z", "analyte": "IL6", "value": 3.25,
              "unit": "pg/mL"},
             {"participant": "P-002", "visit": "W0", "sampleId": "S-2",
              "collectedAt": "2026-03-02T08:00:00Z", "analyte": "IL6", "value": "0.1",
              "unit": "pg/mL", "comparator": "<", "specimen": null}]
            """,
            JSON,
            errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(rows).extracting(RawRow::row).containsExactly(1, 2);
    assertThat(rows.get(0).fields()).isEqualTo(IL6_ROW);
    assertThat(rows.get(1).get("comparator")).isEqualTo("<");
    assertThat(rows.get(1).get("value")).isEqualTo("0.1");
    assertThat(rows.get(1).fields()).doesNotContainKey("specimen"); // null is left out
  }

  @Test
  void aJsonNumberKeepsEveryDigitReported() {
    // as a double it would come back with 16 significant digits: 3.141592653589793
    List<RawRow> rows =
        parse("{\"rows\": [{\"value\": 3.14159265358979323846}]}", JSON, new RowErrors());

    assertThat(rows.get(0).get("value")).isEqualTo("3.14159265358979323846");
  }

  @Test
  void ndjsonHasARowPerLineAndABadLineIsARowError() {
    RowErrors errors = new RowErrors();

    List<RawRow> rows =
        parse(
            """
            {"participant": "P-001", "visit": "W0"}

            {"participant": "P-002", "visit": "W0"
            {"participant": "P-003", "colour": "red"}
            """,
            BatchParser.NDJSON,
            errors);

    // the blank line is no row: three rows, numbered 1 to 3
    assertThat(rows).extracting(RawRow::row).containsExactly(1, 2, 3);
    assertThat(rows.get(1).fields()).isEmpty();
    assertThat(violations(errors))
        .containsExactly(
            Violation.atRow(2, "", "is not well-formed JSON"),
            Violation.atRow(3, "colour", "unknown field"));
  }

  @Test
  void csvColumnsAreNamedByTheHeader() {
    RowErrors errors = new RowErrors();

    List<RawRow> rows =
        parse(
            "\uFEFFparticipant,visit,sampleId,collectedAt,analyte,value,unit,comparator\r\n"
                + "P-001,W0,S-1,2026-03-02T08:00:00Z,IL6,3.25,pg/mL,\r\n"
                + "P-002,W0,\"S-2, aliquot 1\",2026-03-02T08:00:00Z,IL6,0.1,pg/mL,<\r\n",
            BatchParser.CSV,
            errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(rows.get(0).fields()).isEqualTo(IL6_ROW); // an empty comparator is left out
    assertThat(rows.get(1).get("sampleId")).isEqualTo("S-2, aliquot 1");
    assertThat(rows.get(1).get("comparator")).isEqualTo("<");
  }

  @Test
  void csvHeaderAndRowProblemsAreErrors() {
    RowErrors errors = new RowErrors();

    List<RawRow> rows =
        parse(
            "participant,visit,sampleId,collectedAt,analyte,value,colour\n"
                + "P-001,W0,S-1,2026-03-02T08:00:00Z,IL6,3.25,red\n"
                + "P-002,W0\n",
            BatchParser.CSV,
            errors);

    assertThat(rows).hasSize(2);
    assertThat(violations(errors))
        .containsExactly(
            Violation.of("colour", "unknown column"),
            Violation.of("unit", "missing column"),
            Violation.atRow(2, "", "has 2 values for 7 columns"));
  }

  @Test
  void jsonRowsThatAreNotObjectsOrHoldOtherTypesAreRowErrors() {
    RowErrors errors = new RowErrors();

    parse("[42, {\"value\": true, \"unit\": \"pg/mL\", \"visit\": \"W\\u0000\"}]", JSON, errors);

    assertThat(violations(errors))
        .containsExactly(
            Violation.atRow(1, "", "must be an object"),
            Violation.atRow(2, "value", "must be a string or a number"),
            Violation.atRow(2, "visit", "must not contain NUL or unpaired surrogates"));
  }

  @Test
  void aBodyWithoutRowsIsRefusedOutright() {
    assertRefused("{\"participant\": \"P-001\"}", JSON, ProblemType.MALFORMED_BODY);
    assertRefused("[{\"participant\": ", JSON, ProblemType.MALFORMED_BODY);
    assertRefused("", BatchParser.CSV, ProblemType.MALFORMED_BODY);
    assertRefused("participant,visit\n\"P-001,W0\n", BatchParser.CSV, ProblemType.MALFORMED_BODY);
  }

  @Test
  void moreRowsThanAllowedIsTooLarge() {
    // the parser was built for at most 3 rows
    assertRefused("[{}, {}, {}, {}]", JSON, ProblemType.PAYLOAD_TOO_LARGE);
    assertRefused("{}\n{}\n{}\n{}\n", BatchParser.NDJSON, ProblemType.PAYLOAD_TOO_LARGE);
    assertRefused("visit\nW0\nW1\nW2\nW3\n", BatchParser.CSV, ProblemType.PAYLOAD_TOO_LARGE);
  }

  private static void assertRefused(String body, String format, ProblemType type) {
    assertThatThrownBy(() -> parse(body, format, new RowErrors()))
        .as(body)
        .isInstanceOfSatisfying(
            ProblemException.class, problem -> assertThat(problem.type()).isEqualTo(type));
  }

  private static List<RawRow> parse(String body, String format, RowErrors errors) {
    return PARSER.parse(body.getBytes(StandardCharsets.UTF_8), format, errors);
  }

  /** The violations the batch's 422 would list, in its order (by row, then field). */
  private static List<Violation> violations(RowErrors errors) {
    try {
      errors.throwIfAny(100);
    } catch (ProblemException problem) {
      return problem.violations();
    }
    return List.of();
  }
}
