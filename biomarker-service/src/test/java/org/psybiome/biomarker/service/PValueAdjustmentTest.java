package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Holm's and Benjamini–Hochberg's adjustments against statsmodels' multipletests(method='holm' and
 * 'fdr_bh'): the cases and values in {@code reference/holm.json} and {@code reference/bh.json}
 * (written by {@code holm.py} and {@code bh.py} beside them), to 1e-9 relative.
 */
class PValueAdjustmentTest {

  @Test
  void holmMatchesStatsmodels() throws IOException {
    check("/reference/holm.json", "holm", PValueAdjustment::holm);
  }

  @Test
  void benjaminiHochbergMatchesStatsmodels() throws IOException {
    check("/reference/bh.json", "bh", PValueAdjustment::benjaminiHochberg);
  }

  private static void check(String fixtureName, String field, UnaryOperator<List<Double>> adjust)
      throws IOException {
    JsonNode fixture;
    try (InputStream in = PValueAdjustmentTest.class.getResourceAsStream(fixtureName)) {
      fixture = new ObjectMapper().readTree(in);
    }
    assertThat(fixture.path("cases").size()).isGreaterThan(5);
    for (JsonNode c : fixture.path("cases")) {
      List<Double> p = new ArrayList<>();
      c.path("p").forEach(x -> p.add(x.isNull() ? null : x.asDouble()));
      List<Double> adjusted = adjust.apply(p);
      JsonNode expected = c.path(field);
      String name = c.path("name").asText();
      assertThat(adjusted).as(name).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        if (expected.get(i).isNull()) {
          assertThat(adjusted.get(i)).as(name).isNull();
        } else {
          double want = expected.get(i).asDouble();
          assertThat(adjusted.get(i)).as(name + "[" + i + "]").isCloseTo(want, within(want * 1e-9));
        }
      }
    }
  }
}
