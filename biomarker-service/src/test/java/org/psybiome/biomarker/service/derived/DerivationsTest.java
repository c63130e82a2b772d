package org.psybiome.biomarker.service.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The derived analytes of one sample. Expected values are worked out by hand below; the Shannon
 * indices are also what SciPy's {@code scipy.stats.entropy} (natural log) gives for the same
 * abundances.
 */
class DerivationsTest {

  private static final Predicate<String> IS_TAXON = code -> code.startsWith("TAXON_");
  private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-03-03T08:00:00Z");

  @Test
  void kynurenineTryptophanRatioIsPerThousand() {
    // 2.5 umol/L / 50 umol/L × 1000 = 50 umol/mmol
    DerivedValue ratio =
        only(
            Derivations.KYN_TRP_RATIO,
            measured(Derivations.KYN, "2.5", "PASS", MONDAY),
            measured(Derivations.TRP, "50", "PASS", MONDAY));

    assertThat(ratio.value()).isEqualByComparingTo("50");
  }

  @Test
  void aRatioThatDoesNotEndIsKeptToSixteenDigits() {
    // 1.9 / 61.3 × 1000 = 1900 / 61.3; 61.3 × 31 = 1900.3, so 1900 / 61.3 = 31 − 0.3/61.3
    // = 31 − 0.00489396411092985... = 30.99510603588907 (16 significant digits)
    DerivedValue ratio =
        only(
            Derivations.KYN_TRP_RATIO,
            measured(Derivations.KYN, "1.9", "PASS", MONDAY),
            measured(Derivations.TRP, "61.3", "PASS", MONDAY));

    assertThat(ratio.value()).isEqualByComparingTo("30.99510603588907");
  }

  @Test
  void aDerivedValueHasTheWorstQcAndTheLatestTimeOfItsInputs() {
    DerivedValue ratio =
        only(
            Derivations.KYN_TRP_RATIO,
            measured(Derivations.KYN, "2", "WARN", TUESDAY),
            measured(Derivations.TRP, "40", "PASS", MONDAY));

    assertThat(ratio.qcStatus()).isEqualTo("WARN");
    assertThat(ratio.collectedAt()).isEqualTo(TUESDAY);
  }

  @Test
  void noRatioFromACensoredInputOrAZeroTryptophan() {
    assertThat(
            Derivations.of(
                List.of(
                    censored(Derivations.KYN, "0.5"),
                    measured(Derivations.TRP, "50", "PASS", MONDAY)),
                IS_TAXON))
        .isEmpty();
    assertThat(
            Derivations.of(
                List.of(
                    measured(Derivations.KYN, "2", "PASS", MONDAY),
                    measured(Derivations.TRP, "0", "PASS", MONDAY)),
                IS_TAXON))
        .isEmpty();
    assertThat(Derivations.of(List.of(measured(Derivations.KYN, "2", "PASS", MONDAY)), IS_TAXON))
        .isEmpty();
  }

  @Test
  void shannonIndexOfThreeGenera() {
    // abundances 50, 30, 20 → p = 0.5, 0.3, 0.2;
    // H = −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2)
    //   = 0.5 × 0.693147181 + 0.3 × 1.203972804 + 0.2 × 1.609437912
    //   = 0.346573590 + 0.361191841 + 0.321887582 = 1.029653014
    // scipy.stats.entropy([50, 30, 20]) = 1.0296530140645737
    DerivedValue shannon =
        only(
            Derivations.SHANNON_GENUS,
            measured("TAXON_1578", "50", "PASS", MONDAY),
            measured("TAXON_816", "30", "PASS", MONDAY),
            measured("TAXON_1678", "20", "FAIL", MONDAY));

    assertThat(shannon.value().doubleValue()).isCloseTo(1.0296530140645737, within(1e-11));
    assertThat(shannon.qcStatus()).isEqualTo("FAIL");
  }

  @Test
  void shannonSkipsZerosAndLeavesCensoredTaxaOut() {
    // the zero adds 0 · ln 0 := 0 and the censored taxon is not in Σ abundance: two equal
    // abundances remain, p = 1/2 each, H = −2 × ½ ln ½ = ln 2 = 0.6931471805599453
    // (scipy.stats.entropy([1, 1]))
    DerivedValue shannon =
        only(
            Derivations.SHANNON_GENUS,
            measured("TAXON_1578", "12.5", "PASS", MONDAY),
            measured("TAXON_816", "12.5", "PASS", MONDAY),
            measured("TAXON_1678", "0", "PASS", MONDAY),
            censored("TAXON_239934", "0.01"));

    assertThat(shannon.value().doubleValue()).isCloseTo(0.6931471805599453, within(1e-11));
  }

  @Test
  void shannonOfFiveUnevenGenera() {
    // p = 0.42, 0.31, 0.17, 0.07, 0.03 (sum 1): −Σ p ln p
    //   = 0.364350 + 0.363067 + 0.301233 + 0.186148 + 0.105197 = 1.319995 (6 decimals each)
    // scipy.stats.entropy([42, 31, 17, 7, 3]) = 1.3199945653352094
    DerivedValue shannon =
        only(
            Derivations.SHANNON_GENUS,
            measured("TAXON_1", "42", "PASS", MONDAY),
            measured("TAXON_2", "31", "PASS", MONDAY),
            measured("TAXON_3", "17", "PASS", MONDAY),
            measured("TAXON_4", "7", "PASS", MONDAY),
            measured("TAXON_5", "3", "PASS", MONDAY));

    assertThat(shannon.value().doubleValue()).isCloseTo(1.3199945653352094, within(1e-11));
  }

  @Test
  void noShannonFromOneTaxonOrFromNothingDetected() {
    assertThat(
            Derivations.of(
                List.of(measured("TAXON_1578", "80", "PASS", MONDAY), censored("TAXON_816", "0.1")),
                IS_TAXON))
        .isEmpty();
    assertThat(
            Derivations.of(
                List.of(
                    measured("TAXON_1578", "0", "PASS", MONDAY),
                    measured("TAXON_816", "0", "PASS", MONDAY)),
                IS_TAXON))
        .isEmpty();
  }

  @Test
  void analytesThatAreNotTaxaDoNotEnterTheShannonIndex() {
    // KYN and TRP are no genera: only the two taxa count, equal → ln 2
    List<DerivedValue> derived =
        Derivations.of(
            List.of(
                measured(Derivations.KYN, "2", "PASS", MONDAY),
                measured(Derivations.TRP, "40", "PASS", MONDAY),
                measured("TAXON_1578", "5", "PASS", MONDAY),
                measured("TAXON_816", "5", "PASS", MONDAY)),
            IS_TAXON);

    assertThat(derived)
        .extracting(DerivedValue::analyte)
        .containsExactly(Derivations.KYN_TRP_RATIO, Derivations.SHANNON_GENUS);
    assertThat(derived.get(1).value().doubleValue()).isCloseTo(Math.log(2), within(1e-11));
  }

  private static DerivedValue only(String analyte, SampleMeasurement... sample) {
    Optional<DerivedValue> found =
        Derivations.of(List.of(sample), IS_TAXON).stream()
            .filter(d -> d.analyte().equals(analyte))
            .findFirst();
    assertThat(found).as(analyte).isPresent();
    return found.get();
  }

  private static SampleMeasurement measured(
      String analyte, String value, String qc, Instant collectedAt) {
    return new SampleMeasurement(analyte, new BigDecimal(value), false, qc, collectedAt);
  }

  private static SampleMeasurement censored(String analyte, String limit) {
    return new SampleMeasurement(analyte, new BigDecimal(limit), true, "PASS", MONDAY);
  }
}
