package org.psybiome.trial.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The registry's clock: UTC, so that dates of registration and audit times do not depend on where a
 * replica runs.
 */
public class ClockProducer {

  @Produces
  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }
}
