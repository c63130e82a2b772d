package org.psybiome.biomarker.service.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * Pooling within subgroups of studies (intervention type, adjunct or standalone), each subgroup
 * with its own τ², and the test for subgroup differences: Cochran's Q of a fixed-effect model over
 * the subgroup estimates and their standard errors, χ² on G − 1 df (Cochrane Handbook 10.11.3;
 * RevMan's test, which metafor reproduces with {@code rma(est, sei = se, method = "FE")}).
 * Subgroups of a single study are reported but enter neither pooling nor the test.
 */
public final class SubgroupPooling {

  private SubgroupPooling() {}

  /** A subgroup's studies and, with two or more, their pooled estimate (else null). */
  public record Subgroup(String name, List<StudyEffect> studies, PooledEffect pooled) {}

  /** The test for subgroup differences; absent (null) with fewer than two pooled subgroups. */
  public record Difference(double q, int df, double p) {}

  public record Result(List<Subgroup> subgroups, Difference difference) {}

  /** {@code groups} names each study's subgroup, in the studies' order. */
  public static Result pool(List<StudyEffect> studies, List<String> groups) {
    if (studies.size() != groups.size()) {
      throw new IllegalArgumentException("one subgroup name per study");
    }
    Map<String, List<StudyEffect>> byGroup = new LinkedHashMap<>();
    for (int i = 0; i < studies.size(); i++) {
      byGroup.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(studies.get(i));
    }
    List<Subgroup> subgroups = new ArrayList<>();
    List<PooledEffect> pooled = new ArrayList<>();
    byGroup.forEach(
        (name, members) -> {
          PooledEffect p = members.size() >= 2 ? RandomEffectsMeta.pool(members) : null;
          subgroups.add(new Subgroup(name, List.copyOf(members), p));
          if (p != null) {
            pooled.add(p);
          }
        });
    return new Result(subgroups, pooled.size() >= 2 ? difference(pooled) : null);
  }

  private static Difference difference(List<PooledEffect> pooled) {
    double sw = 0;
    double swy = 0;
    for (PooledEffect p : pooled) {
      double w = 1 / (p.se() * p.se());
      sw += w;
      swy += w * p.estimate();
    }
    double mean = swy / sw;
    double q = 0;
    for (PooledEffect p : pooled) {
      q += (p.estimate() - mean) * (p.estimate() - mean) / (p.se() * p.se());
    }
    int df = pooled.size() - 1;
    return new Difference(q, df, Gamma.regularizedGammaQ(df / 2.0, q / 2));
  }
}
