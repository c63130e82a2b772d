package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benjamini–Hochberg's adjustment against statsmodels' multipletests(method='fdr_bh'), the cases
 * and values in {@code reference/bh.json} (written by {@code bh.py} beside it), to 1e-9 relative.
 */
class BenjaminiHochbergTest {

  @Test
  void matchesStatsmodels() throws IOException {
    JsonNode fixture;
    try (InputStream in = BenjaminiHochbergTest.class.getResourceAsStream("/reference/bh.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
    for (JsonNode c : fixture.path("cases")) {
      List<Double> p = new ArrayList<>();
      c.path("p").forEach(x -> p.add(x.isNull() ? null : x.asDouble()));
      List<Double> adjusted = BenjaminiHochberg.adjust(p);
      JsonNode expected = c.path("bh");
      assertThat(adjusted).as(c.path("name").asText()).hasSize(expected.size());
      for (int i = 0; i < expected.size(); i++) {
        if (expected.get(i).isNull()) {
          assertThat(adjusted.get(i)).as(c.path("name").asText()).isNull();
        } else {
          double want = expected.get(i).asDouble();
          assertThat(adjusted.get(i))
              .as(c.path("name").asText() + "[" + i + "]")
              .isCloseTo(want, within(want * 1e-9));
        }
      }
    }
  }
}
