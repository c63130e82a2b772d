package org.psybiome.gateway.model;

/** The services behind the gateway. */
public enum Upstream {
  TRIAL_SERVICE("trial-service"),
  BIOMARKER_SERVICE("biomarker-service");

  private final String serviceName;

  Upstream(String serviceName) {
    this.serviceName = serviceName;
  }

  public String serviceName() {
    return serviceName;
  }
}
