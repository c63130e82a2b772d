package org.psybiome.trial.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.psybiome.trial.service.TrialRecords.JSON;
import static org.psybiome.trial.service.TrialRecords.record;

import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.TrialContent;

/** Codes made from labels, kept by label across changes, unique within the trial. */
class ArmCodesTest {

  @Test
  void aCodeIsTheLabelInUpperCaseWithUnderscoresAtMostSixteenLong() {
    assertThat(ArmCodes.fromLabel("Probiotic")).isEqualTo("PROBIOTIC");
    assertThat(ArmCodes.fromLabel("Usual diet")).isEqualTo("USUAL_DIET");
    // 16 characters: "MEDITERRANEAN_DI"
    assertThat(ArmCodes.fromLabel("Mediterranean diet")).isEqualTo("MEDITERRANEAN_DI");
    // a cut that ends in an underscore loses it: "RDV, COHORT 2: A" -> "RDV_COHORT_2_AGE" (16)
    assertThat(ArmCodes.fromLabel("RDV, Cohort 2: Age ≥ 28 Days")).isEqualTo("RDV_COHORT_2_AGE");
    assertThat(ArmCodes.fromLabel("Placebo (maltodextrin)")).isEqualTo("PLACEBO_MALTODEX");
    assertThat(ArmCodes.fromLabel("Arm A_")).isEqualTo("ARM_A");
    assertThat(ArmCodes.fromLabel("—")).isEqualTo("ARM");
    // only ASCII letters are kept, as PostgreSQL's regexp in the V6 migration keeps them
    // (psql: upper(regexp_replace('ärm ß', '[^A-Za-z0-9]+', '_', 'g')) = '_RM_')
    assertThat(ArmCodes.fromLabel("ärm ß")).isEqualTo("RM");
  }

  @Test
  void codesAreKeptByLabelAndMadeUnique() {
    TrialContent before =
        ArmCodes.assign(
            null,
            record(
                "{'arms': [{'label': 'Probiotic', 'type': 'EXPERIMENTAL'},"
                    + " {'label': 'Placebo', 'type': 'PLACEBO_COMPARATOR', 'code': 'PBO'}]}"),
            JSON);
    assertThat(before.arms())
        .extracting(TrialContent.Arm::code)
        .containsExactly("PROBIOTIC", "PBO");

    // a client that sends no codes (1.0) keeps them; a new arm whose label would clash gets a
    // suffix
    TrialContent after =
        ArmCodes.assign(
            before,
            record(
                "{'arms': [{'label': 'Placebo', 'type': 'PLACEBO_COMPARATOR'},"
                    + " {'label': 'Probiotic', 'type': 'EXPERIMENTAL'},"
                    + " {'label': 'probiotic!', 'type': 'EXPERIMENTAL'}]}"),
            JSON);
    assertThat(after.arms())
        .extracting(TrialContent.Arm::code)
        .containsExactly("PBO", "PROBIOTIC", "PROBIOTIC_2");
  }
}
