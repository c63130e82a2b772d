package org.psybiome.biomarker.service.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.service.evidence.EffectSizes.ArmStatistics;

/**
 * Random-effects pooling, effect sizes, leave-one-out and subgroup tests against R metafor 3.8.1:
 * the values in {@code reference/random_effects.json}, written by {@code random_effects.R} beside
 * it (BCG vaccine trials, five invented HAM-D trials, a homogeneous set, two trials), to 1e-9
 * relative; a reference value below 1e-9 (τ² and I² at their bound) is compared absolutely.
 */
class RandomEffectsMetaTest {

  private static final double RELATIVE = 1e-9;
  private static JsonNode reference;

  @BeforeAll
  static void readReference() throws IOException {
    try (InputStream in =
        RandomEffectsMetaTest.class.getResourceAsStream("/reference/random_effects.json")) {
      reference = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void effectSizesMatchEscalc() {
    assertThat(reference.path("effectSizes").size()).isEqualTo(5);
    for (JsonNode row : reference.path("effectSizes")) {
      ArmStatistics t =
          new ArmStatistics(
              row.get("m1").asDouble(), row.get("sd1").asDouble(), row.get("n1").asInt());
      ArmStatistics c =
          new ArmStatistics(
              row.get("m2").asDouble(), row.get("sd2").asDouble(), row.get("n2").asInt());
      StudyEffect g = EffectSizes.hedgesG("g", t, c);
      close("g", g.estimate(), row.get("g"));
      close("var g", g.variance(), row.get("gVariance"));
      StudyEffect md = EffectSizes.meanDifference("md", t, c);
      close("md", md.estimate(), row.get("md"));
      close("var md", md.variance(), row.get("mdVariance"));
    }
  }

  @Test
  void pooledEstimatesMatchRmaRemlKnha() {
    assertThat(reference.path("fits").size()).isEqualTo(4);
    for (JsonNode fit : reference.path("fits")) {
      String name = fit.get("name").asText();
      PooledEffect p = RandomEffectsMeta.pool(studies(fit));
      assertThat(p.k()).as(name).isEqualTo(fit.get("k").asInt());
      assertThat(p.df()).as(name).isEqualTo(fit.get("df").asInt());
      close(name + " estimate", p.estimate(), fit.get("estimate"));
      close(name + " se", p.se(), fit.get("se"));
      close(name + " ciLow", p.ciLow(), fit.get("ciLow"));
      close(name + " ciHigh", p.ciHigh(), fit.get("ciHigh"));
      close(name + " t", p.t(), fit.get("t"));
      close(name + " p", p.p(), fit.get("p"));
      close(name + " tau2", p.tau2(), fit.get("tau2"));
      close(name + " I2", p.i2(), fit.get("i2"));
      close(name + " H2", p.h2(), fit.get("h2"));
      close(name + " Q", p.q(), fit.get("q"));
      close(name + " Q p", p.qP(), fit.get("qP"));
      close(name + " piLow", p.piLow(), fit.get("piLow"));
      close(name + " piHigh", p.piHigh(), fit.get("piHigh"));
    }
  }

  @Test
  void leaveOneOutMatchesLeave1out() {
    int checked = 0;
    for (JsonNode fit : reference.path("fits")) {
      if (fit.path("leaveOneOut").isNull() || fit.path("leaveOneOut").isMissingNode()) {
        continue;
      }
      String name = fit.get("name").asText();
      List<PooledEffect> loo = RandomEffectsMeta.leaveOneOut(studies(fit));
      assertThat(loo).hasSize(fit.get("leaveOneOut").size());
      for (JsonNode row : fit.get("leaveOneOut")) {
        PooledEffect p = loo.get(row.get("omitted").asInt());
        String at = name + " without " + row.get("omitted").asInt();
        close(at + " estimate", p.estimate(), row.get("estimate"));
        close(at + " se", p.se(), row.get("se"));
        close(at + " ciLow", p.ciLow(), row.get("ciLow"));
        close(at + " ciHigh", p.ciHigh(), row.get("ciHigh"));
        close(at + " p", p.p(), row.get("p"));
        close(at + " tau2", p.tau2(), row.get("tau2"));
        close(at + " I2", p.i2(), row.get("i2"));
        close(at + " Q", p.q(), row.get("q"));
        checked++;
      }
    }
    assertThat(checked).isEqualTo(13 + 5 + 4);
  }

  @Test
  void subgroupsAndTheirDifferenceMatchMetafor() {
    JsonNode fit = reference.path("fits").get(1);
    assertThat(fit.get("name").asText()).isEqualTo("smd");
    List<String> groups = new ArrayList<>();
    reference.path("subgroups").path("groups").forEach(g -> groups.add(g.asText()));
    SubgroupPooling.Result result = SubgroupPooling.pool(studies(fit), groups);
    JsonNode pooled = reference.path("subgroups").path("pooled");
    assertThat(result.subgroups()).hasSize(pooled.size());
    for (JsonNode expected : pooled) {
      SubgroupPooling.Subgroup s =
          result.subgroups().stream()
              .filter(x -> x.name().equals(expected.get("group").asText()))
              .findFirst()
              .orElseThrow();
      assertThat(s.studies()).hasSize(expected.get("k").asInt());
      close(s.name() + " estimate", s.pooled().estimate(), expected.get("estimate"));
      close(s.name() + " se", s.pooled().se(), expected.get("se"));
      close(s.name() + " tau2", s.pooled().tau2(), expected.get("tau2"));
    }
    close("Q between", result.difference().q(), reference.path("subgroups").get("qBetween"));
    assertThat(result.difference().df()).isEqualTo(reference.path("subgroups").get("df").asInt());
    close("p between", result.difference().p(), reference.path("subgroups").get("p"));
  }

  @Test
  void oneStudyIsNotPooled() {
    assertThatThrownBy(() -> RandomEffectsMeta.pool(List.of(new StudyEffect("a", 0.2, 0.1))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new StudyEffect("b", 0.2, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<StudyEffect> studies(JsonNode fit) {
    List<StudyEffect> studies = new ArrayList<>();
    for (int i = 0; i < fit.get("yi").size(); i++) {
      studies.add(
          new StudyEffect(
              "s" + i, fit.get("yi").get(i).asDouble(), fit.get("vi").get(i).asDouble()));
    }
    return studies;
  }

  private static void close(String what, double actual, JsonNode expected) {
    double want = expected.asDouble();
    double tolerance = Math.abs(want) < 1e-9 ? 1e-9 : RELATIVE * Math.abs(want);
    assertThat(Math.abs(actual - want))
        .as("%s: %s vs metafor %s", what, actual, want)
        .isLessThanOrEqualTo(tolerance);
  }
}
