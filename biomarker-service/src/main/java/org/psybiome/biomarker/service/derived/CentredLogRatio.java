package org.psybiome.biomarker.service.derived;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The centred log-ratio transform of a sample's full genus profile: clr(xᵢ) = ln xᵢ − (1/D) Σⱼ ln
 * xⱼ over its D parts. The parts are every genus row and the {@value Derivations#UNCLASSIFIED} row:
 * the composition as measured (closed at 100 %), so that a taxon's clr is relative to the whole
 * sample; Shannon diversity leaves the unclassified remainder out because it would count as one
 * genus, but in a log-ratio it is one part of known share like any other.
 *
 * <p>A log-ratio of 0 is undefined, so zeros are replaced first by the multiplicative replacement
 * of Martín-Fernández, Barceló-Vidal and Pawlowsky-Glahn (2003, Math Geol 35:253-278): each zero
 * part becomes δ = {@value #DELTA_FACTOR} × the sample's smallest non-zero abundance (the paper's
 * 0.65 × the detection limit, which a genus table does not state: its smallest reported abundance
 * stands in for it), and every non-zero part is multiplied by (1 − Zδ/κ), Z the number of zeros and
 * κ the sample's total, so the total and the ratios between non-zero parts are unchanged.
 */
public final class CentredLogRatio {

  public static final double DELTA_FACTOR = 0.65;

  /** The rule as a summary states it. */
  public static final String ZERO_REPLACEMENT =
      "multiplicative replacement (Martín-Fernández et al. 2003): each zero part becomes δ = "
          + DELTA_FACTOR
          + " × the sample's smallest non-zero abundance, the non-zero parts are scaled by"
          + " (1 − Zδ/total); parts: every genus and TAXON_UNCLASSIFIED";

  private CentredLogRatio() {}

  /** Each part's clr (analyte → value), or why the profile supports none. */
  public record Result(Map<String, Double> clr, String reason) {}

  /**
   * @param profile the sample's genus rows and its {@value Derivations#UNCLASSIFIED} row
   */
  public static Result of(List<SampleMeasurement> profile) {
    Optional<String> incomplete = Derivations.incomplete(profile);
    if (incomplete.isPresent()) {
      return new Result(null, incomplete.get());
    }
    double total = 0;
    double smallest = Double.POSITIVE_INFINITY;
    int zeros = 0;
    for (SampleMeasurement part : profile) {
      double x = part.standardValue().doubleValue();
      total += x;
      if (x > 0) {
        smallest = Math.min(smallest, x);
      } else {
        zeros++;
      }
    }
    if (profile.size() < 2) {
      return new Result(null, "a profile of one part has no log-ratio");
    }
    if (Double.isInfinite(smallest)) {
      return new Result(null, "no part has an abundance above 0: no log-ratio is defined");
    }
    double delta = DELTA_FACTOR * smallest;
    double scale = 1 - zeros * delta / total;
    if (scale <= 0) {
      return new Result(
          null,
          zeros
              + " zero parts at δ = "
              + delta
              + " % would take the whole sample: multiplicative replacement is undefined");
    }
    Map<String, Double> logs = new LinkedHashMap<>();
    double sum = 0;
    for (SampleMeasurement part : profile) {
      double x = part.standardValue().doubleValue();
      double log = Math.log(x > 0 ? x * scale : delta);
      logs.put(part.analyte(), log);
      sum += log;
    }
    double mean = sum / logs.size();
    Map<String, Double> clr = new LinkedHashMap<>();
    logs.forEach((analyte, log) -> clr.put(analyte, log - mean));
    return new Result(clr, null);
  }
}
