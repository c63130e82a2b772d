package org.psybiome.biomarker.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The LOINC mod-10 check digit, on real codes from the LOINC table and on corrupted ones. The LOINC
 * Users' Guide works it as: number the digits from the right; double the number formed by the odd
 * positions (1st, 3rd, ...); write the even positions in front; add all the digits; the check digit
 * is what takes that sum up to the next multiple of 10 (0 if it is one already).
 */
class LoincCodesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        // Glucose [Mass/volume] in Serum or Plasma: odd 5,3 → 53×2 = 106; even 4,2 → "42106";
        // 4+2+1+0+6 = 13 → 20 − 13 = 7
        "2345-7",
        // C reactive protein [Mass/volume] in Serum or Plasma: odd 8,9 → 89×2 = 178; even 8,1 →
        // "81178"; 8+1+1+7+8 = 25 → 30 − 25 = 5
        "1988-5",
        // Cortisol [Mass/volume] in Serum or Plasma: odd 3,1 → 31×2 = 62; even 4,2 → "4262";
        // 4+2+6+2 = 14 → 20 − 14 = 6
        "2143-6",
        // Interleukin 6 [Mass/volume] in Serum or Plasma: odd 1,8,2 → 182×2 = 364; even 8,6 →
        // "86364"; 8+6+3+6+4 = 27 → 30 − 27 = 3
        "26881-3",
        // C reactive protein, high sensitivity: odd 2,5,3 → 253×2 = 506; even 2,0 → "20506";
        // 2+0+5+0+6 = 13 → 20 − 13 = 7
        "30522-7",
        // Creatinine [Mass/volume] in Serum or Plasma: odd 0,1 → 10×2 = 20; even 6,2 → "6220";
        // 6+2+2+0 = 10, a multiple of 10 already → 0
        "2160-0",
        // the Users' Guide's own example: odd 5,3,1 → 531×2 = 1062; even 4,2 → "421062";
        // 4+2+1+0+6+2 = 15 → 20 − 15 = 5
        "12345-5"
      })
  void realLoincCodesPass(String code) {
    assertThat(LoincCodes.hasValidCheckDigit(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2345-8", // glucose with the wrong check digit
        "1988-4", // CRP with the wrong check digit
        "2354-7", // glucose with two digits swapped: odd 4,3 → 86; even 5,2 → "5286" → 21 → 9
        "26861-3", // IL-6 with 8 mistyped as 6: odd 1,8,2 → 364; even 6,6 → "66364" → 25 → 5
        "30522-0", // hs-CRP with 0 for 7
        "2160-1", // creatinine: a sum that is a multiple of 10 has check digit 0, not 10 − 0
      })
  void corruptedCodesFail(String code) {
    assertThat(LoincCodes.hasValidCheckDigit(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"23457", "2345-", "-7", "2345-77", "23a5-7", "2345-x", "2345 -7", "2-3-7", ""})
  void malformedCodesFail(String code) {
    assertThat(LoincCodes.hasValidCheckDigit(code)).isFalse();
  }
}
