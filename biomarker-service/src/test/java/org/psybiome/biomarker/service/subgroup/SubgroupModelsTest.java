package org.psybiome.biomarker.service.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psybiome.biomarker.model.SubgroupAnalysis.Effect;
import org.psybiome.biomarker.model.SubgroupAnalysis.Interaction;
import org.psybiome.biomarker.service.subgroup.SubgroupModels.Observation;

/**
 * The subgroup models against {@code reference/subgroups.json} (statsmodels, {@code subgroups.py}),
 * to 1e-9 relative: the interaction F test of y ~ C(arm) * C(grp) + base against the model without
 * the interaction, the two-group interaction coefficient and its t, and the ANCOVA within each
 * group; and the tertile cuts (numpy's type-7 quantiles).
 */
class SubgroupModelsTest {

  private static JsonNode fixture;

  @BeforeAll
  static void readFixture() throws Exception {
    try (InputStream in =
        SubgroupModelsTest.class.getResourceAsStream("/reference/subgroups.json")) {
      fixture = new ObjectMapper().readTree(in);
    }
  }

  @Test
  void twoGroupsByAFixedCutoff() {
    check(scenario("CRP3"));
  }

  @Test
  void tertilesWithTiesAtTheCuts() {
    check(scenario("TERTILES"));
  }

  @Test
  void tertileCutsAreType7QuantilesOfTheMeasuredValues() {
    // the analysed participants' uncensored baseline hs-CRP (subgroups.py: P03 censored, P11, Q11
    // without one, P12 and Q12 without a complete outcome)
    List<Double> values = new ArrayList<>();
    for (JsonNode p : fixture.path("participants")) {
      boolean complete = !p.get(3).isNull() && !p.get(4).isNull();
      if (complete && p.get(2).isNumber()) {
        values.add(p.get(2).asDouble());
      }
    }
    assertThat(values).hasSize(19);
    SubgroupCuts cuts =
        SubgroupCuts.quantiles(values.stream().mapToDouble(Double::doubleValue).toArray(), 3);
    JsonNode want = scenario("TERTILES").path("cuts");
    assertThat(cuts.cuts()).hasSize(2);
    close(cuts.cuts().get(0), want.get(0).asDouble());
    close(cuts.cuts().get(1), want.get(1).asDouble());
    // ties go to the upper group
    assertThat(cuts.group(2.4)).isEqualTo(1);
    assertThat(cuts.group(3.8)).isEqualTo(2);
    assertThat(cuts.group(2.39)).isZero();
  }

  @Test
  void aCensoredValueIsPlacedOnlyWhenItsLimitIsOnOneSideOfEveryCut() {
    SubgroupCuts cuts = new SubgroupCuts(List.of(1.0, 3.0));
    assertThat(cuts.groupBelow(0.5)).isZero();
    assertThat(cuts.groupBelow(1.0)).isZero(); // < 1 is below the cut 1
    assertThat(cuts.groupBelow(2.0)).isEqualTo(-1); // < 2 may be under or over 1
    assertThat(cuts.groupAbove(3.0)).isEqualTo(2);
    assertThat(cuts.groupAbove(2.0)).isEqualTo(-1);
    assertThat(cuts.label("HSCRP", 0)).isEqualTo("HSCRP < 1");
    assertThat(cuts.label("HSCRP", 1)).isEqualTo("1 ≤ HSCRP < 3");
    assertThat(cuts.label("HSCRP", 2)).isEqualTo("HSCRP ≥ 3");
  }

  @Test
  void anInteractionNeedsTwoGroupsWithBothArms() {
    // group 1 has no comparator participant: left out, one group remains
    List<Observation> observations =
        List.of(
            new Observation(true, 0, 20, 10),
            new Observation(true, 0, 22, 12),
            new Observation(false, 0, 21, 15),
            new Observation(false, 0, 23, 18),
            new Observation(true, 1, 24, 9));
    Interaction interaction = SubgroupModels.interaction(observations, "m");
    assertThat(interaction.f()).isNull();
    assertThat(interaction.groupsInModel()).containsExactly(0);
    assertThat(interaction.unavailableReason()).contains("at least two");
    Effect effect = SubgroupModels.effect(1, "g1", List.of(observations.get(4)), x -> x);
    assertThat(effect.estimate()).isNull();
    assertThat(effect.reason()).contains("comparator");
  }

  @Test
  void tooFewForTheAncovaTheUnadjustedDifferenceWithWelch() {
    // 3 participants: no ANCOVA. Experimental 10, 12 (mean 11, var 2); comparator 15 (one value):
    // difference −4 and no interval
    Effect effect =
        SubgroupModels.effect(
            0,
            "g",
            List.of(
                new Observation(true, 0, 20, 10),
                new Observation(true, 0, 22, 12),
                new Observation(false, 0, 21, 15)),
            x -> x);
    assertThat(effect.method()).isEqualTo("UNADJUSTED");
    assertThat(effect.estimate()).isCloseTo(-4.0, within(1e-12));
    assertThat(effect.ciLow()).isNull();
    // 10, 12 vs 15, 18 with one baseline for all: the ANCOVA's baseline column equals the
    // intercept's, so the unadjusted difference stands in: −5.5, se √(2/2 + 4.5/2) = √3.25,
    // Welch df 3.25² / (1² + 2.25²)
    Effect four =
        SubgroupModels.effect(
            0,
            "g",
            List.of(
                new Observation(true, 0, 20, 10),
                new Observation(true, 0, 20, 12),
                new Observation(false, 0, 20, 15),
                new Observation(false, 0, 20, 18)),
            x -> x);
    assertThat(four.method()).isEqualTo("UNADJUSTED");
    assertThat(four.estimate()).isCloseTo(-5.5, within(1e-12));
    assertThat(four.standardError()).isCloseTo(Math.sqrt(3.25), within(1e-12));
    assertThat(four.df()).isCloseTo(3.25 * 3.25 / (1 + 2.25 * 2.25), within(1e-12));
  }

  private static JsonNode scenario(String name) {
    for (JsonNode s : fixture.path("scenarios")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new AssertionError("no scenario " + name);
  }

  private static void check(JsonNode scenario) {
    List<Observation> observations = new ArrayList<>();
    for (JsonNode row : scenario.path("rows")) {
      observations.add(
          new Observation(
              row.path("arm").asText().equals("PROBIOTIC"),
              row.path("grp").asInt(),
              row.path("base").asDouble(),
              row.path("y").asDouble()));
    }
    JsonNode want = scenario.path("interaction");
    Interaction got = SubgroupModels.interaction(observations, "y ~ arm * grp + base");
    assertThat(got.unavailableReason()).isNull();
    assertThat(got.n()).isEqualTo(want.path("n").asInt());
    close(got.f(), want.path("f").asDouble());
    close(got.df1(), want.path("df1").asDouble());
    close(got.df2(), want.path("df2").asDouble());
    close(got.p(), want.path("p").asDouble());
    if (want.has("t")) {
      close(got.estimate(), want.path("estimate").asDouble());
      close(got.t(), want.path("t").asDouble());
    } else {
      assertThat(got.t()).isNull();
    }
    Function<Double, Double> identity = x -> x;
    for (JsonNode group : scenario.path("groups")) {
      int g = group.path("group").asInt();
      Effect effect =
          SubgroupModels.effect(
              g, "g", observations.stream().filter(o -> o.group() == g).toList(), identity);
      assertThat(effect.method()).isEqualTo("ANCOVA");
      assertThat(effect.nExperimental()).isEqualTo(group.path("nExperimental").asInt());
      assertThat(effect.nComparator()).isEqualTo(group.path("nComparator").asInt());
      close(effect.estimate(), group.path("estimate").asDouble());
      close(effect.standardError(), group.path("standardError").asDouble());
      close(effect.ciLow(), group.path("ciLow").asDouble());
      close(effect.ciHigh(), group.path("ciHigh").asDouble());
      close(effect.df(), group.path("df").asDouble());
    }
  }

  private static void close(double got, double want) {
    assertThat(got).isCloseTo(want, within(Math.max(Math.abs(want) * 1e-9, 1e-12)));
  }
}
