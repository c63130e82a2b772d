package org.psybiome.trial.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;
import org.psybiome.trial.api.Republication;
import org.psybiome.trial.service.TrialRepublisher;

/**
 * An operator's operation (decision 25): republish every registered trial and its participants, so
 * biomarker-service can rebuild what it knows after Kafka's data is lost. Under {@code /internal},
 * which the gateway does not route (it proxies {@code /api/v1} only), so it is reached on
 * trial-service's own port and is not part of the public API document; it needs the {@code
 * operator} role besides. Safe to repeat: consumers apply a snapshot they already hold as nothing.
 */
@Path("/internal/v1/republish")
public class RepublishResource {

  private final TrialRepublisher republisher;

  RepublishResource(TrialRepublisher republisher) {
    this.republisher = republisher;
  }

  @POST
  @BodyLimit(TrialBodyLimits.CHANGE)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.OPERATOR)
  @Operation(hidden = true)
  public Republication republish() {
    return republisher.republishAll();
  }
}
