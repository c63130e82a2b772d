package org.psybiome.biomarker.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.Panel;
import org.psybiome.biomarker.service.PanelService;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Panels of analytes, as trial schedules name them. */
@Path("/api/v1/panels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Panels", description = "Groups of analytes collected together at a visit")
@APIResponse(
    responseCode = "400",
    description = "Invalid request, with field violations",
    content =
        @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PanelResource {

  private final PanelService panels;
  private final Caller caller;

  PanelResource(PanelService panels, Caller caller) {
    this.panels = panels;
    this.caller = caller;
  }

  @GET
  @PermitAll
  @Operation(summary = "List the panels")
  public List<Panel> list() {
    return panels.list();
  }

  @GET
  @Path("/{code}")
  @PermitAll
  @Operation(summary = "Read one panel")
  @APIResponse(responseCode = "404", description = "No such panel")
  public Panel get(@PathParam("code") String code) {
    return panels.get(code);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(summary = "Add a panel (curators)")
  @APIResponse(responseCode = "201", description = "Added; Location names it")
  @APIResponse(responseCode = "409", description = "The code is taken")
  public Response create(@Valid @NotNull Panel panel) {
    Panel created = panels.create(caller, panel);
    return Response.created(URI.create("/api/v1/panels/" + created.code())).entity(created).build();
  }

  @PUT
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(summary = "Replace a panel's name and analytes (curators)")
  @APIResponse(responseCode = "404", description = "No such panel")
  public Panel replace(@PathParam("code") String code, @Valid @NotNull Panel panel) {
    return panels.replace(caller, code, panel);
  }
}
