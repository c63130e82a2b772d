package org.psybiome.biomarker.service.events;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The consumer's stall on /q/health/well: a wellness check, not readiness or liveness, because a
 * stalled partition is not cured by a restart or by taking the service out of a load balancer
 * (results of every other trial still come in and are read), but an operator must look at it.
 */
@io.smallrye.health.api.Wellness
@ApplicationScoped
public class TrialEventsHealth implements HealthCheck {

  private final ConsumerStall stall;

  TrialEventsHealth(ConsumerStall stall) {
    this.stall = stall;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("trial-events-consumer").status(!stall.stalled());
    stall
        .current()
        .ifPresent(
            stuck ->
                response
                    .withData("failingEvent", stuck.position())
                    .withData("failingSince", stuck.since().toString())
                    .withData("attempts", stuck.attempts())
                    .withData("lastError", stuck.error()));
    return response.build();
  }
}
