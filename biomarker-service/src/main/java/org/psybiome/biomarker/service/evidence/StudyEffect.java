package org.psybiome.biomarker.service.evidence;

/**
 * One study's effect estimate on the pooling scale (a mean difference, Hedges' g, a log ratio) and
 * its sampling variance.
 */
public record StudyEffect(String study, double estimate, double variance) {

  public StudyEffect {
    if (!Double.isFinite(estimate) || !(variance > 0) || !Double.isFinite(variance)) {
      throw new IllegalArgumentException(
          study + ": an effect needs a finite estimate and a positive variance");
    }
  }
}
