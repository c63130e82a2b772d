package org.psybiome.biomarker.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.psybiome.biomarker.config.BiomarkerConfig;
import org.psybiome.common.web.BodyLimits;

/**
 * biomarker-service's body limits, by the names its write operations give in {@code @BodyLimit}.
 */
@ApplicationScoped
public class BiomarkerBodyLimits implements BodyLimits {

  static final String ANALYTE = "analyte";
  static final String PANEL = "panel";
  static final String CORRECTION = "correction";
  static final String BATCH = "batch";

  private final BiomarkerConfig.BodyLimit config;

  BiomarkerBodyLimits(BiomarkerConfig config) {
    this.config = config.bodyLimit();
  }

  @Override
  public Limit limit(String name) {
    return switch (name) {
      case ANALYTE -> limit("analyte", config.analyte().asLongValue());
      case PANEL -> limit("panel", config.panel().asLongValue());
      case CORRECTION -> limit("correction", config.correction().asLongValue());
      case BATCH -> limit("batch", config.batch().asLongValue());
      default -> throw new IllegalArgumentException("No body limit called " + name);
    };
  }

  private static Limit limit(String name, long bytes) {
    return new Limit("psybiome.biomarker.body-limit." + name, bytes);
  }
}
