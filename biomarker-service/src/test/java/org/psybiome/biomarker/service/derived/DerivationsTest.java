package org.psybiome.biomarker.service.derived;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The derived analytes of one sample. Expected values are worked out by hand below; the Shannon
 * indices are also what SciPy's {@code scipy.stats.entropy} (natural log) gives for the same
 * abundances, and a 50-genus profile is checked against {@code reference/shannon.json}, written by
 * {@code reference/shannon.py} with SciPy.
 */
class DerivationsTest {

  private static final JsonNode SHANNON = reference("/reference/shannon.json");

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
                    IS_TAXON)
                .values())
        .isEmpty();
    assertThat(
            Derivations.of(
                    List.of(
                        measured(Derivations.KYN, "2", "PASS", MONDAY),
                        measured(Derivations.TRP, "0", "PASS", MONDAY)),
                    IS_TAXON)
                .values())
        .isEmpty();
    assertThat(
            Derivations.of(List.of(measured(Derivations.KYN, "2", "PASS", MONDAY)), IS_TAXON)
                .values())
        .isEmpty();
  }

  @Test
  void shannonOfAFullGenusProfileMatchesSciPy() {
    // 50 genera + 7.25 % unclassified (reference/shannon.py): scipy.stats.entropy over the genera
    List<SampleMeasurement> profile = new ArrayList<>();
    for (JsonNode genus : SHANNON.path("genera")) {
      profile.add(
          measured(
              "TAXON_" + genus.path("ncbiTaxonId").asInt(),
              genus.path("percent").asText(),
              "PASS",
              MONDAY));
    }
    profile.add(
        measured(Derivations.UNCLASSIFIED, SHANNON.path("unclassified").asText(), "WARN", TUESDAY));
    double expected = SHANNON.path("shannon").asDouble();

    DerivedValue shannon =
        only(Derivations.SHANNON_GENUS, profile.toArray(SampleMeasurement[]::new));

    assertThat(shannon.value().doubleValue()).isCloseTo(expected, within(1e-9 * expected));
    // a real genus-level value, beyond what 8 renormalised genera can reach
    assertThat(expected).isBetween(2.5, 4.0).isGreaterThan(Math.log(8));
    // the unclassified row's QC and time count: it is part of the profile
    assertThat(shannon.qcStatus()).isEqualTo("WARN");
    assertThat(shannon.collectedAt()).isEqualTo(TUESDAY);
  }

  @Test
  void theCatalogueGeneraAloneAreNoProfile() {
    // the 8 catalogue genera summing to 100 %, posted as before: no unclassified row, no Shannon
    // (the old code gave −Σ p ln p over them, at most ln 8 = 2.08)
    SampleDerivations derived =
        Derivations.of(
            List.of(
                measured("TAXON_1578", "5", "PASS", MONDAY),
                measured("TAXON_1678", "10", "PASS", MONDAY),
                measured("TAXON_216851", "20", "PASS", MONDAY),
                measured("TAXON_816", "30", "PASS", MONDAY),
                measured("TAXON_838", "15", "PASS", MONDAY),
                measured("TAXON_239934", "5", "PASS", MONDAY),
                measured("TAXON_841", "10", "PASS", MONDAY),
                measured("TAXON_33042", "5", "PASS", MONDAY)),
            IS_TAXON);

    assertThat(derived.values()).isEmpty();
    assertThat(derived.notDerived())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.analyte()).isEqualTo(Derivations.SHANNON_GENUS);
              assertThat(n.reason()).startsWith("no TAXON_UNCLASSIFIED row");
            });
  }

  @Test
  void aProfileThatDoesNotCoverTheSampleDerivesNothingAndSaysWhy() {
    // reference/shannon.json "incomplete": five big genera missing, sum 62.6014 %
    List<SampleMeasurement> profile = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    SHANNON.path("incomplete").path("genera").forEach(t -> kept.add(t.asInt()));
    for (JsonNode genus : SHANNON.path("genera")) {
      if (kept.contains(genus.path("ncbiTaxonId").asInt())) {
        profile.add(
            measured(
                "TAXON_" + genus.path("ncbiTaxonId").asInt(),
                genus.path("percent").asText(),
                "PASS",
                MONDAY));
      }
    }
    profile.add(measured(Derivations.UNCLASSIFIED, "7.25", "PASS", MONDAY));

    SampleDerivations derived = Derivations.of(profile, IS_TAXON);

    assertThat(derived.values()).isEmpty();
    assertThat(derived.notDerived())
        .extracting(NotDerived::reason)
        .containsExactly("the profile's abundances sum to 62.6014 %, not 100 % ± 2.0");
  }

  @Test
  void theToleranceIsTwoPercentagePoints() {
    // 60 + 38.1 + 0 unclassified = 98.1: within; p = 60/98.1, 38.1/98.1
    // H = −(0.611621 ln 0.611621 + 0.388379 ln 0.388379) = 0.300699 + 0.367319 = 0.668018
    double p = 60 / 98.1;
    double q = 38.1 / 98.1;
    assertThat(
            only(
                    Derivations.SHANNON_GENUS,
                    measured("TAXON_1578", "60", "PASS", MONDAY),
                    measured("TAXON_816", "38.1", "PASS", MONDAY),
                    measured(Derivations.UNCLASSIFIED, "0", "PASS", MONDAY))
                .value()
                .doubleValue())
        .isCloseTo(-(p * Math.log(p) + q * Math.log(q)), within(1e-11))
        .isCloseTo(0.668018, within(1e-6));
    // 60 + 37.9 = 97.9 and 60 + 42.1 = 102.1: outside
    assertThat(
            Derivations.of(
                    List.of(
                        measured("TAXON_1578", "60", "PASS", MONDAY),
                        measured("TAXON_816", "37.9", "PASS", MONDAY),
                        measured(Derivations.UNCLASSIFIED, "0", "PASS", MONDAY)),
                    IS_TAXON)
                .notDerived())
        .extracting(NotDerived::reason)
        .containsExactly("the profile's abundances sum to 97.9 %, not 100 % ± 2.0");
    assertThat(
            Derivations.of(
                    List.of(
                        measured("TAXON_1578", "60", "PASS", MONDAY),
                        measured("TAXON_816", "40", "PASS", MONDAY),
                        measured(Derivations.UNCLASSIFIED, "2.1", "PASS", MONDAY)),
                    IS_TAXON)
                .values())
        .isEmpty();
  }

  @Test
  void shannonIndexOfThreeGenera() {
    // abundances 50, 30, 20 (+ 0 unclassified) → p = 0.5, 0.3, 0.2;
    // H = −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2)
    //   = 0.5 × 0.693147181 + 0.3 × 1.203972804 + 0.2 × 1.609437912
    //   = 0.346573590 + 0.361191841 + 0.321887582 = 1.029653014
    // scipy.stats.entropy([50, 30, 20]) = 1.0296530140645737
    DerivedValue shannon =
        only(
            Derivations.SHANNON_GENUS,
            measured("TAXON_1578", "50", "PASS", MONDAY),
            measured("TAXON_816", "30", "PASS", MONDAY),
            measured("TAXON_1678", "20", "FAIL", MONDAY),
            measured(Derivations.UNCLASSIFIED, "0", "PASS", MONDAY));

    assertThat(shannon.value().doubleValue()).isCloseTo(1.0296530140645737, within(1e-11));
    assertThat(shannon.qcStatus()).isEqualTo("FAIL");
  }

  @Test
  void theUnclassifiedShareIsLeftOutAndZerosSkipped() {
    // 45 + 45 + 0 genera, 10 unclassified: the genera renormalised to p = 1/2 each, the zero adds
    // 0 · ln 0 := 0: H = −2 × ½ ln ½ = ln 2 = 0.6931471805599453 (scipy.stats.entropy([45, 45,
    // 0]));
    // counted as a genus, unclassified would give −(2 × 0.45 ln 0.45 + 0.1 ln 0.1) = 0.948
    DerivedValue shannon =
        only(
            Derivations.SHANNON_GENUS,
            measured("TAXON_1578", "45", "PASS", MONDAY),
            measured("TAXON_816", "45", "PASS", MONDAY),
            measured("TAXON_1678", "0", "PASS", MONDAY),
            measured(Derivations.UNCLASSIFIED, "10", "PASS", MONDAY));

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
            measured("TAXON_5", "3", "PASS", MONDAY),
            measured(Derivations.UNCLASSIFIED, "0", "PASS", MONDAY));

    assertThat(shannon.value().doubleValue()).isCloseTo(1.3199945653352094, within(1e-11));
  }

  @Test
  void noShannonFromACensoredAbundanceOrFromNothingClassified() {
    SampleDerivations censored =
        Derivations.of(
            List.of(
                measured("TAXON_1578", "80", "PASS", MONDAY),
                censored("TAXON_816", "0.1"),
                measured(Derivations.UNCLASSIFIED, "20", "PASS", MONDAY)),
            IS_TAXON);
    assertThat(censored.values()).isEmpty();
    assertThat(censored.notDerived())
        .extracting(NotDerived::reason)
        .containsExactly("censored abundance in the profile (TAXON_816): a bound");
    SampleDerivations nothing =
        Derivations.of(
            List.of(
                measured("TAXON_1578", "0", "PASS", MONDAY),
                measured(Derivations.UNCLASSIFIED, "100", "PASS", MONDAY)),
            IS_TAXON);
    assertThat(nothing.values()).isEmpty();
    assertThat(nothing.notDerived())
        .extracting(NotDerived::reason)
        .containsExactly("no genus has an abundance above 0: diversity is undefined");
  }

  @Test
  void analytesThatAreNotTaxaDoNotEnterTheShannonIndex() {
    // KYN and TRP are no genera: only the two taxa count, equal → ln 2
    SampleDerivations derived =
        Derivations.of(
            List.of(
                measured(Derivations.KYN, "2", "PASS", MONDAY),
                measured(Derivations.TRP, "40", "PASS", MONDAY),
                measured("TAXON_1578", "50", "PASS", MONDAY),
                measured("TAXON_816", "50", "PASS", MONDAY),
                measured(Derivations.UNCLASSIFIED, "0", "PASS", MONDAY)),
            IS_TAXON);

    assertThat(derived.values())
        .extracting(DerivedValue::analyte)
        .containsExactly(Derivations.KYN_TRP_RATIO, Derivations.SHANNON_GENUS);
    assertThat(derived.values().get(1).value().doubleValue()).isCloseTo(Math.log(2), within(1e-11));
    assertThat(derived.notDerived()).isEmpty();
  }

  @Test
  void aSampleWithoutGenusRowsHasNoNote() {
    assertThat(
            Derivations.of(List.of(measured(Derivations.KYN, "2", "PASS", MONDAY)), IS_TAXON)
                .notDerived())
        .isEmpty();
  }

  private static DerivedValue only(String analyte, SampleMeasurement... sample) {
    Optional<DerivedValue> found =
        Derivations.of(List.of(sample), IS_TAXON).values().stream()
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

  private static JsonNode reference(String resource) {
    try (InputStream in = DerivationsTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
