package org.psybiome.biomarker.events;

/** The Kafka topics this service publishes to (docs/events.md). */
public final class BiomarkerTopics {

  /** Every biomarker event, keyed by trial id so that a trial's events stay in order. */
  public static final String EVENTS = "psybiome.biomarker.events";

  private BiomarkerTopics() {}
}
