package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.record;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.psybiome.common.problem.Violation;

/** A declared randomisation fits its design. */
class ContentRulesRandomisationTest {

  private final ContentRules rules =
      new ContentRules(Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC));

  private List<String> fields(String randomisation, String allocation) {
    return rules
        .check(
            record(
                "{'design': {'allocation': '"
                    + allocation
                    + "', 'randomisation': "
                    + randomisation
                    + "}}"))
        .stream()
        .map(Violation::field)
        .toList();
  }

  @Test
  void eachMethodHasWhatItNeedsAndNothingElse() {
    String strata =
        "[{'code': 'SITE', 'levels': ['BER', 'DUB']}, {'code': 'CRP', 'levels': ['LT3', 'GE3']}]";
    assertThat(fields("{'method': 'SIMPLE'}", "RANDOMIZED")).isEmpty();
    assertThat(
            fields(
                "{'method': 'STRATIFIED_PERMUTED_BLOCKS', 'blockSizeMultipliers': [1, 2],"
                    + " 'factors': "
                    + strata
                    + "}",
                "RANDOMIZED"))
        .isEmpty();
    assertThat(
            fields(
                "{'method': 'MINIMISATION', 'factors': "
                    + strata
                    + ", 'minimisationProbability': 0.8}",
                "RANDOMIZED"))
        .isEmpty();

    assertThat(fields("{'method': 'PERMUTED_BLOCKS'}", "RANDOMIZED"))
        .containsExactly("design.randomisation.blockSizeMultipliers");
    assertThat(fields("{'method': 'MINIMISATION'}", "RANDOMIZED"))
        .containsExactly(
            "design.randomisation.factors", "design.randomisation.minimisationProbability");
    assertThat(fields("{'method': 'SIMPLE', 'factors': " + strata + "}", "RANDOMIZED"))
        .containsExactly("design.randomisation.factors");
    assertThat(fields("{'method': 'SIMPLE'}", "NON_RANDOMIZED"))
        .containsExactly("design.randomisation");
    assertThat(
            fields(
                "{'method': 'MINIMISATION', 'minimisationProbability': 0.8, 'factors':"
                    + " [{'code': 'SEX', 'levels': ['F', 'F']}, {'code': 'SEX', 'levels': ['F', 'M']}]}",
                "RANDOMIZED"))
        .containsExactly(
            "design.randomisation.factors[0].levels", "design.randomisation.factors[1].code");
  }
}
