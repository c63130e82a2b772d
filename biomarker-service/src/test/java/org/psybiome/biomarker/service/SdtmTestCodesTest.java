package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Test codes derived for analytes a curator adds; expected values spelt out by hand. */
class SdtmTestCodesTest {

  @Test
  void underscoresGoAndTheCodeIsCutAtEight() {
    assertThat(SdtmTestCodes.derive("IL17A", c -> false)).isEqualTo("IL17A");
    assertThat(SdtmTestCodes.derive("IL6_SERUM_FREE", c -> false)).isEqualTo("IL6SERUM");
  }

  @Test
  void aTakenCodeGetsANumber() {
    Set<String> taken = Set.of("IL6SERUM", "IL6SERU2");
    assertThat(SdtmTestCodes.derive("IL6_SERUM_FREE", taken::contains)).isEqualTo("IL6SERU3");
    assertThat(SdtmTestCodes.derive("IL6", Set.of("IL6")::contains)).isEqualTo("IL62");
  }

  @Test
  void testNamesAreCutAtFortyBetweenWords() {
    assertThat(SdtmTestCodes.testName("Interleukin-6")).isEqualTo("Interleukin-6");
    // characters 1-40: "Hospital Anxiety and Depression Scale, a"; the last blank is after the
    // comma, which goes too
    assertThat(SdtmTestCodes.testName("Hospital Anxiety and Depression Scale, anxiety subscale"))
        .isEqualTo("Hospital Anxiety and Depression Scale");
    // a word ending exactly at character 40 stays whole: 3 x "abcdefghij " (33) + "abcdefg" (7)
    assertThat(SdtmTestCodes.testName("abcdefghij abcdefghij abcdefghij abcdefg xyz"))
        .isEqualTo("abcdefghij abcdefghij abcdefghij abcdefg");
    assertThat(SdtmTestCodes.testName("x".repeat(45))).isEqualTo("x".repeat(40));
  }
}
