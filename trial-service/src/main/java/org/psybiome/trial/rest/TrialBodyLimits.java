package org.psybiome.trial.rest;

import jakarta.enterprise.context.ApplicationScoped;
import org.psybiome.common.web.BodyLimits;
import org.psybiome.trial.config.TrialConfig;

/** trial-service's body limits, by the names its write operations give in {@code @BodyLimit}. */
@ApplicationScoped
public class TrialBodyLimits implements BodyLimits {

  static final String RECORD = "record";
  static final String CHANGE = "change";
  static final String IMPORT = "import";

  private final TrialConfig.BodyLimit config;

  TrialBodyLimits(TrialConfig config) {
    this.config = config.bodyLimit();
  }

  @Override
  public Limit limit(String name) {
    return switch (name) {
      case RECORD -> new Limit("psybiome.trial.body-limit.record", config.record().asLongValue());
      case CHANGE -> new Limit("psybiome.trial.body-limit.change", config.change().asLongValue());
      case IMPORT ->
          new Limit("psybiome.trial.body-limit.ctgov-import", config.ctgovImport().asLongValue());
      default -> throw new IllegalArgumentException("No body limit called " + name);
    };
  }
}
