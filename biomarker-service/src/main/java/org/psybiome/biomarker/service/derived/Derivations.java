package org.psybiome.biomarker.service.derived;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.QcStatus;

/**
 * The derived analytes, computed per sample from its non-censored measurements:
 *
 * <ul>
 *   <li>{@value #KYN_TRP_RATIO} (umol/mmol) = KYN (umol/L) / TRP (umol/L) × 1000;
 *   <li>{@value #SHANNON_GENUS} = −Σ pᵢ ln pᵢ over the genera of a sample's <em>full</em> genus
 *       profile ({@code TAXON_<NCBI id>} rows plus {@value #UNCLASSIFIED}), pᵢ = abundanceᵢ / Σ
 *       genus abundance (the unclassified remainder left out, the genera renormalised), zeros
 *       skipped; only when the profile has its {@value #UNCLASSIFIED} row, no censored abundance
 *       and sums to 100 % ± {@value #PROFILE_TOLERANCE} (genera and unclassified together).
 * </ul>
 *
 * A censored input is a bound, not a value: a ratio or diversity built on it would be a number
 * nobody measured, so none is computed.
 */
public final class Derivations {

  public static final String KYN = "KYN";
  public static final String TRP = "TRP";
  public static final String KYN_TRP_RATIO = "KYN_TRP_RATIO";
  public static final String SHANNON_GENUS = "SHANNON_GENUS";

  /** The share (%) of a sample no genus was assigned to: its row marks a full genus profile. */
  public static final String UNCLASSIFIED = "TAXON_UNCLASSIFIED";

  /**
   * How far (percentage points) a full profile's abundances may sum from 100 %: rounding in a
   * pipeline's output of 30-300 genera stays well within it, a missing genus of any weight does
   * not.
   */
  public static final double PROFILE_TOLERANCE = 2.0;

  /** The derived analytes this service computes. */
  public static final List<String> DERIVED = List.of(KYN_TRP_RATIO, SHANNON_GENUS);

  private static final MathContext PRECISION = MathContext.DECIMAL64;
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  private Derivations() {}

  /**
   * The derived values one sample's measurements support.
   *
   * @param isTaxon which analytes are genus relative abundances (the Shannon inputs)
   */
  public static SampleDerivations of(
      Collection<SampleMeasurement> sample, Predicate<String> isTaxon) {
    List<DerivedValue> derived = new ArrayList<>(2);
    List<NotDerived> notDerived = new ArrayList<>(1);
    kynTrpRatio(sample).ifPresent(derived::add);
    List<SampleMeasurement> profile =
        sample.stream()
            .filter(m -> isTaxon.test(m.analyte()) || UNCLASSIFIED.equals(m.analyte()))
            .toList();
    if (!profile.isEmpty()) {
      Shannon shannon = shannon(profile);
      if (shannon.value() != null) {
        derived.add(shannon.value());
      } else {
        notDerived.add(new NotDerived(SHANNON_GENUS, shannon.reason()));
      }
    }
    return new SampleDerivations(derived, notDerived);
  }

  /** A Shannon index, or why the profile supports none. */
  record Shannon(DerivedValue value, String reason) {}

  /** Genus relative abundances: the catalogue's measured analytes with an NCBI taxon. */
  public static Predicate<String> isTaxon(Map<String, Analyte> catalogue) {
    return code -> {
      Analyte analyte = catalogue.get(code);
      return analyte != null && !analyte.derived() && analyte.ncbiTaxonId() != null;
    };
  }

  /** Whether an analyte feeds a derivation, so that a change of it means recomputing. */
  public static boolean isInput(String analyte, Predicate<String> isTaxon) {
    return KYN.equals(analyte)
        || TRP.equals(analyte)
        || UNCLASSIFIED.equals(analyte)
        || isTaxon.test(analyte);
  }

  static Optional<DerivedValue> kynTrpRatio(Collection<SampleMeasurement> sample) {
    Optional<SampleMeasurement> kyn = measured(sample, KYN);
    Optional<SampleMeasurement> trp = measured(sample, TRP);
    if (kyn.isEmpty() || trp.isEmpty() || trp.get().standardValue().signum() == 0) {
      return Optional.empty();
    }
    BigDecimal ratio =
        kyn.get()
            .standardValue()
            .multiply(THOUSAND)
            .divide(trp.get().standardValue(), PRECISION)
            .stripTrailingZeros();
    List<SampleMeasurement> inputs = List.of(kyn.get(), trp.get());
    return Optional.of(new DerivedValue(KYN_TRP_RATIO, ratio, worstQc(inputs), latest(inputs)));
  }

  /**
   * Shannon diversity of a full genus profile. The unclassified remainder is left out and the
   * genera renormalised, as diversity tools for genus tables do (KrakenTools' alpha_diversity over
   * Bracken, MetaPhlAn's known-clade abundances): it is a mixture of unknown genera, and counting
   * it as one genus would lower the index by an amount that depends on the reference database.
   *
   * @param profile the sample's genus rows and its {@value #UNCLASSIFIED} row, if any
   */
  static Shannon shannon(List<SampleMeasurement> profile) {
    Optional<String> incomplete = incomplete(profile);
    if (incomplete.isPresent()) {
      return notDerived(incomplete.get());
    }
    List<SampleMeasurement> genera =
        profile.stream().filter(m -> !UNCLASSIFIED.equals(m.analyte())).toList();
    double classified = genera.stream().mapToDouble(m -> m.standardValue().doubleValue()).sum();
    if (classified <= 0) {
      return notDerived("no genus has an abundance above 0: diversity is undefined");
    }
    double h = 0;
    for (SampleMeasurement genus : genera) {
      double p = genus.standardValue().doubleValue() / classified;
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    // Doubles carry ~15 significant digits; 12 keep the stored value stable across platforms.
    BigDecimal value = new BigDecimal(h, new MathContext(12)).stripTrailingZeros();
    if (value.signum() == 0) {
      value = BigDecimal.ZERO;
    }
    return new Shannon(
        new DerivedValue(SHANNON_GENUS, value, worstQc(profile), latest(profile)), null);
  }

  /**
   * Why a sample's genus rows are not a full profile, empty when they are: a full profile has its
   * {@value #UNCLASSIFIED} row, no censored abundance, and sums to 100 % ± {@value
   * #PROFILE_TOLERANCE}. What Shannon diversity and the centred log-ratio both require.
   *
   * @param profile the sample's genus rows and its {@value #UNCLASSIFIED} row, if any
   */
  public static Optional<String> incomplete(List<SampleMeasurement> profile) {
    if (profile.stream().noneMatch(m -> UNCLASSIFIED.equals(m.analyte()))) {
      return Optional.of(
          "no "
              + UNCLASSIFIED
              + " row: the genus rows are not a full profile (post every genus and the"
              + " unclassified remainder, 0 if none)");
    }
    List<String> censored =
        profile.stream().filter(SampleMeasurement::censored).map(m -> m.analyte()).toList();
    if (!censored.isEmpty()) {
      return Optional.of(
          "censored abundance in the profile (" + String.join(", ", censored) + "): a bound");
    }
    double total = profile.stream().mapToDouble(m -> m.standardValue().doubleValue()).sum();
    if (Math.abs(total - 100) > PROFILE_TOLERANCE) {
      return Optional.of(
          "the profile's abundances sum to "
              + new BigDecimal(total, new MathContext(6)).stripTrailingZeros().toPlainString()
              + " %, not 100 % ± "
              + PROFILE_TOLERANCE);
    }
    return Optional.empty();
  }

  private static Shannon notDerived(String reason) {
    return new Shannon(null, reason);
  }

  private static Optional<SampleMeasurement> measured(
      Collection<SampleMeasurement> sample, String analyte) {
    return sample.stream().filter(m -> m.analyte().equals(analyte) && !m.censored()).findFirst();
  }

  private static String worstQc(List<SampleMeasurement> inputs) {
    return inputs.stream()
        .map(m -> QcStatus.valueOf(m.qcStatus()))
        .max(Comparator.naturalOrder())
        .orElse(QcStatus.PASS)
        .name();
  }

  private static Instant latest(List<SampleMeasurement> inputs) {
    return inputs.stream()
        .map(SampleMeasurement::collectedAt)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
