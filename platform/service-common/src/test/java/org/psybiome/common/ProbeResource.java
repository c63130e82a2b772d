package org.psybiome.common;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** A test-only resource that exercises the shared mechanics the way service resources will. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

  public enum Kind {
    PROBIOTIC,
    FMT
  }

  public record Arm(@NotBlank String label) {}

  public record Sample(
      @NotBlank String title,
      @NotNull Kind kind,
      @Min(1) long doseCfuPerDay,
      LocalDate start,
      @Size(max = 2) List<@Valid Arm> arms) {}

  private final Caller caller;

  ProbeResource(Caller caller) {
    this.caller = caller;
  }

  @GET
  @Path("/samples/{number}")
  @PermitAll
  public Map<String, Object> page(
      @jakarta.ws.rs.PathParam("number") int number,
      @jakarta.ws.rs.QueryParam("pageSize") @jakarta.ws.rs.DefaultValue("20") int pageSize,
      @jakarta.ws.rs.QueryParam("from") LocalDate from) {
    return Map.of("number", number, "pageSize", pageSize);
  }

  @POST
  @Path("/samples")
  @Consumes(MediaType.APPLICATION_JSON)
  @PermitAll
  public Sample echo(@Valid @NotNull Sample sample) {
    return sample;
  }

  @GET
  @Path("/registrants-only")
  @RolesAllowed(Roles.REGISTRANT)
  public Map<String, String> registrantsOnly() {
    return Map.of("subject", caller.subject(), "consortium", caller.consortium().orElse(""));
  }

  @GET
  @Path("/conflict")
  @PermitAll
  @APIResponse(responseCode = "409", description = "always: it probes the conflict problem")
  public String conflict() {
    throw ProblemException.conflict("Trial PSB-2026-000001 is COMPLETED");
  }

  @GET
  @Path("/boom")
  @PermitAll
  public String boom() {
    throw new IllegalStateException("secret internals of org.psybiome.Something");
  }

  @GET
  @Path("/database-down")
  @PermitAll
  public String databaseDown() {
    // How Hibernate surfaces a restarting PostgreSQL: a connection-class SQLSTATE, wrapped.
    throw new IllegalStateException(
        "could not execute statement",
        new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
  }

  @POST
  @Path("/text")
  @Consumes("text/csv")
  @Produces("text/csv")
  @PermitAll
  public byte[] echoText(byte[] body) {
    return body;
  }
}
