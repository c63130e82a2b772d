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
 *   <li>{@value #SHANNON_GENUS} = −Σ pᵢ ln pᵢ over the genus relative abundances of a stool sample,
 *       pᵢ = abundanceᵢ / Σ abundance, zeros skipped, with at least two non-censored taxa.
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
  public static List<DerivedValue> of(
      Collection<SampleMeasurement> sample, Predicate<String> isTaxon) {
    List<DerivedValue> derived = new ArrayList<>(2);
    kynTrpRatio(sample).ifPresent(derived::add);
    shannon(sample.stream().filter(m -> isTaxon.test(m.analyte())).toList())
        .ifPresent(derived::add);
    return derived;
  }

  /** Genus relative abundances: the catalogue's measured analytes with an NCBI taxon. */
  public static Predicate<String> isTaxon(Map<String, Analyte> catalogue) {
    return code -> {
      Analyte analyte = catalogue.get(code);
      return analyte != null && !analyte.derived() && analyte.ncbiTaxonId() != null;
    };
  }

  /** Whether an analyte feeds a derivation, so that a change of it means recomputing. */
  public static boolean isInput(String analyte, Predicate<String> isTaxon) {
    return KYN.equals(analyte) || TRP.equals(analyte) || isTaxon.test(analyte);
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

  static Optional<DerivedValue> shannon(List<SampleMeasurement> taxa) {
    List<SampleMeasurement> measured = taxa.stream().filter(m -> !m.censored()).toList();
    if (measured.size() < 2) {
      return Optional.empty();
    }
    double total = measured.stream().mapToDouble(m -> m.standardValue().doubleValue()).sum();
    if (total <= 0) {
      return Optional.empty(); // nothing detected: diversity is undefined, not zero
    }
    double h = 0;
    for (SampleMeasurement taxon : measured) {
      double p = taxon.standardValue().doubleValue() / total;
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    // Doubles carry ~15 significant digits; 12 keep the stored value stable across platforms.
    BigDecimal value = new BigDecimal(h, new MathContext(12)).stripTrailingZeros();
    if (value.signum() == 0) {
      value = BigDecimal.ZERO;
    }
    return Optional.of(new DerivedValue(SHANNON_GENUS, value, worstQc(measured), latest(measured)));
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
