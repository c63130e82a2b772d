package org.psybiome.biomarker.service.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The centred log-ratio of full genus profiles, zeros replaced multiplicatively, against {@code
 * reference/clr.json}, written by {@code reference/clr.py} with NumPy.
 */
class CentredLogRatioTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void everyPartOfEveryProfileIsTheLogRatioNumPyGives() throws IOException {
    JsonNode reference = reference();
    assertThat(reference.path("deltaFactor").asDouble()).isEqualTo(CentredLogRatio.DELTA_FACTOR);
    int zeros = 0;
    for (JsonNode sample : reference.path("samples")) {
      CentredLogRatio.Result result = CentredLogRatio.of(profile(sample.path("parts")));
      assertThat(result.reason()).isNull();
      assertThat(result.clr()).hasSize(sample.path("clr").size());
      for (var part :
          (Iterable<java.util.Map.Entry<String, JsonNode>>) sample.path("clr")::fields) {
        double expected = part.getValue().asDouble();
        assertThat(result.clr().get(part.getKey()))
            .as(sample.path("participant").asText() + " " + part.getKey())
            .isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        if (sample.path("parts").path(part.getKey()).asDouble() == 0) {
          zeros++;
        }
      }
    }
    // the fixture exercises the replacement: zeros of a genus, of the taxon and of unclassified
    assertThat(zeros).isGreaterThanOrEqualTo(4);
  }

  @Test
  void aProfileWithoutItsUnclassifiedRowHasNoLogRatio() throws IOException {
    JsonNode incomplete = reference().path("incomplete").get(0);
    CentredLogRatio.Result result = CentredLogRatio.of(profile(incomplete.path("parts")));
    assertThat(result.clr()).isNull();
    assertThat(result.reason()).startsWith("no TAXON_UNCLASSIFIED row");
  }

  @Test
  void zerosThatWouldTakeTheWholeSampleAreRefused() {
    // smallest non-zero 1 % → δ = 0.65 %; 160 zero parts × 0.65 = 104 % > the 100 % total
    List<SampleMeasurement> profile = new ArrayList<>();
    profile.add(part("TAXON_816", "99"));
    profile.add(part(Derivations.UNCLASSIFIED, "1"));
    for (int i = 0; i < 160; i++) {
      profile.add(part("TAXON_" + (100_000 + i), "0"));
    }
    CentredLogRatio.Result result = CentredLogRatio.of(profile);
    assertThat(result.clr()).isNull();
    assertThat(result.reason()).contains("160 zero parts");
  }

  @Test
  void theLogRatiosOfAProfileSumToZero() {
    // clr is centred: Σ clr = Σ ln r − D × mean ln r = 0, whatever the values
    CentredLogRatio.Result result =
        CentredLogRatio.of(
            List.of(
                part("TAXON_816", "50"),
                part("TAXON_1678", "0"),
                part("TAXON_838", "25"),
                part(Derivations.UNCLASSIFIED, "25")));
    assertThat(result.clr().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(0, within(1e-12));
    // Bacteroides : Prevotella stays 2 : 1 after the replacement: ln 2 apart
    assertThat(result.clr().get("TAXON_816") - result.clr().get("TAXON_838"))
        .isCloseTo(Math.log(2), within(1e-12));
  }

  private static List<SampleMeasurement> profile(JsonNode parts) {
    List<SampleMeasurement> profile = new ArrayList<>();
    parts.fields().forEachRemaining(p -> profile.add(part(p.getKey(), p.getValue().asText())));
    return profile;
  }

  private static SampleMeasurement part(String analyte, String percent) {
    return new SampleMeasurement(analyte, new BigDecimal(percent), false, "PASS", MONDAY);
  }

  private static JsonNode reference() throws IOException {
    try (InputStream in = CentredLogRatioTest.class.getResourceAsStream("/reference/clr.json")) {
      return new ObjectMapper().readTree(in);
    }
  }
}
