package org.psybiome.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo results are the same on every run and show what the demo is for. */
class DemoResultsTest {

  private static JsonObject probiotic() throws Exception {
    Path file = Path.of("../../demo/trials/probiotic-adjunct-mdd.json");
    return Json.createReader(new StringReader(Files.readString(file))).readObject();
  }

  private static JsonObject visit(JsonObject trial, String code) {
    return trial
        .getJsonObject("schedule")
        .getJsonArray("visits")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(v -> v.getString("code").equals(code))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void deterministicWithEveryPanelCensoredValuesAndATreatmentEffect() throws Exception {
    JsonObject trial = probiotic();
    Map<String, Integer> participants = DemoLoader.participants("PROBIODEP", 2);
    String w0 = DemoResults.batch("PSB-2026-000001", visit(trial, "W0"), participants);
    assertEquals(w0, DemoResults.batch("PSB-2026-000001", visit(trial, "W0"), participants));

    List<JsonObject> rows =
        Json.createReader(new StringReader(w0)).readArray().getValuesAs(JsonObject.class);
    List<String> analytes = rows.stream().map(r -> r.getString("analyte")).distinct().toList();
    for (String expected :
        List.of("IL6", "HSCRP", "CORTISOL_AM", "BUTYRATE", "TRP", "KYN", "TAXON_816", "HAMD17")) {
      assertTrue(analytes.contains(expected), expected + " in " + analytes);
    }
    assertTrue(rows.stream().anyMatch(r -> r.containsKey("comparator")), "some censored values");

    // HAMD17 at W8: the experimental arm (index 0) improves more than the comparator
    String w8 = DemoResults.batch("PSB-2026-000001", visit(trial, "W8"), participants);
    double[] sum = new double[2];
    int[] n = new int[2];
    for (JsonObject row :
        Json.createReader(new StringReader(w8)).readArray().getValuesAs(JsonObject.class)) {
      if (row.getString("analyte").equals("HAMD17")) {
        int arm = participants.get(row.getString("participant"));
        sum[arm] += row.getJsonNumber("value").doubleValue();
        n[arm]++;
      }
    }
    assertEquals(12, n[0]);
    assertTrue(sum[0] / n[0] < sum[1] / n[1], "experimental HAMD17 mean below comparator's");
  }

  @Test
  void rowsBecomeCsvWithAHeaderLineAndEmptyFieldsForAbsentOnes() {
    String rows =
        "[{\"participant\":\"P-1\",\"visit\":\"W0\",\"sampleId\":\"P-1-W0-SER\","
            + "\"collectedAt\":\"2026-01-05T08:00:00Z\",\"analyte\":\"IL6\",\"unit\":\"pg/mL\","
            + "\"value\":2.50},"
            + "{\"participant\":\"P-1\",\"visit\":\"W0\",\"sampleId\":\"P-1-W0-SER\","
            + "\"collectedAt\":\"2026-01-05T08:00:00Z\",\"analyte\":\"IL6\",\"unit\":\"pg/mL\","
            + "\"value\":1.0,\"comparator\":\"<\"}]";
    assertEquals(
        "participant,visit,sampleId,collectedAt,analyte,value,comparator,unit\r\n"
            + "P-1,W0,P-1-W0-SER,2026-01-05T08:00:00Z,IL6,2.50,,pg/mL\r\n"
            + "P-1,W0,P-1-W0-SER,2026-01-05T08:00:00Z,IL6,1.0,<,pg/mL\r\n",
        DemoResults.csv(rows));
  }
}
