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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.Panel;
import org.psybiome.biomarker.service.PanelService;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;

/** Panels of analytes, as trial schedules name them. */
@Path("/api/v1/panels")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Panels",
    description =
        "Groups of analytes collected together at a visit, as trial schedules name them: public to"
            + " read, curators maintain them")
public class PanelResource {

  private final PanelService panels;
  private final Caller caller;

  PanelResource(PanelService panels, Caller caller) {
    this.panels = panels;
    this.caller = caller;
  }

  @GET
  @PermitAll
  @Operation(operationId = "listPanels", summary = "List the panels, by code")
  @APIResponse(
      responseCode = "200",
      description = "Every panel",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Panel.class)))
  public List<Panel> list() {
    return panels.list();
  }

  @GET
  @Path("/{code}")
  @PermitAll
  @Operation(operationId = "getPanel", summary = "Read one panel")
  @APIResponse(
      responseCode = "200",
      description = "The panel",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Panel.class)))
  @APIResponse(responseCode = "404", description = "No such panel")
  public Panel get(@Parameter(description = "the panel's code") @PathParam("code") String code) {
    return panels.get(code);
  }

  @POST
  @BodyLimit(BiomarkerBodyLimits.PANEL)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(operationId = "createPanel", summary = "Add a panel (curators)")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Panel.class)),
      headers = @Header(name = "Location", ref = "Location"))
  @APIResponse(
      responseCode = "400",
      description =
          "The panel is invalid: no code, a field breaks its rule, an analyte not in the"
              + " catalogue or listed twice; each is listed in violations")
  @APIResponse(responseCode = "409", description = "A panel of this code exists")
  @APIResponse(
      responseCode = "413",
      description =
          "More than 500 analytes, or a body over psybiome.biomarker.body-limit.panel (256 KB"
              + " unless configured otherwise)")
  public Response create(@Valid @NotNull Panel panel) {
    Panel created = panels.create(caller, panel);
    return Response.created(URI.create("/api/v1/panels/" + created.code())).entity(created).build();
  }

  @PUT
  @BodyLimit(BiomarkerBodyLimits.PANEL)
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "replacePanel",
      summary = "Replace a panel's name and analytes (curators)",
      description = "The path names the panel; a code in the body must be the same.")
  @APIResponse(
      responseCode = "200",
      description = "The panel as it now stands",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Panel.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "The panel is invalid (as for a POST), or the body names another code than the path")
  @APIResponse(responseCode = "404", description = "No such panel")
  @APIResponse(
      responseCode = "413",
      description =
          "More than 500 analytes, or a body over psybiome.biomarker.body-limit.panel (256 KB"
              + " unless configured otherwise)")
  public Panel replace(
      @Parameter(description = "the panel's code") @PathParam("code") String code,
      @Valid @NotNull Panel panel) {
    return panels.replace(caller, code, panel);
  }
}
