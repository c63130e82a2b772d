package org.psybiome.trial.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.psybiome.trial.model.Intervention;

/** Codes made from names: upper case, [A-Z0-9_-], at most 32 characters, unique in a trial. */
class InterventionCodesTest {

  @Test
  void codesFromNames() {
    InterventionCodes codes = new InterventionCodes();
    assertThat(codes.codeFor("Lactobacillus plantarum 299v"))
        .isEqualTo("LACTOBACILLUS_PLANTARUM_299V");
    assertThat(codes.codeFor("Gemcitabine Hydrochloride")).isEqualTo("GEMCITABINE_HYDROCHLORIDE");
    // accents dropped; a leading separator removed
    assertThat(codes.codeFor("(Crème) brûlée")).isEqualTo("CREME_BRULEE");
    // 42 characters cut to 32, and the separator it would end on dropped
    assertThat(codes.codeFor("Coronary angioplasty with stent implantation"))
        .isEqualTo("CORONARY_ANGIOPLASTY_WITH_STENT");
    assertThat(codes.codeFor("")).isEqualTo("INTERVENTION");
  }

  @Test
  void sameNamesGetDistinctCodesWithinTheLimit() {
    InterventionCodes codes = new InterventionCodes();
    String long32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ ABCDEFGHIJ";
    assertThat(codes.codeFor("Placebo")).isEqualTo("PLACEBO");
    assertThat(codes.codeFor("placebo")).isEqualTo("PLACEBO_2");
    assertThat(codes.codeFor("PLACEBO")).isEqualTo("PLACEBO_3");
    assertThat(codes.codeFor(long32)).isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ_ABCDE");
    assertThat(codes.codeFor(long32))
        .isEqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZ_ABC_2")
        .matches(Intervention.CODE);
  }
}
