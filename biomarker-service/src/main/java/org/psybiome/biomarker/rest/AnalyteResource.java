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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
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
import org.psybiome.biomarker.model.Analyte;
import org.psybiome.biomarker.model.OmicsLayer;
import org.psybiome.biomarker.service.AnalyteService;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;
import org.psybiome.common.web.BodyLimit;

/** The analyte catalogue: public to read, like a public registry; curators maintain it. */
@Path("/api/v1/analytes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Analytes",
    description =
        "The catalogue of biomarker analytes and rating scales: public to read, curators maintain"
            + " it")
public class AnalyteResource {

  private final AnalyteService analytes;
  private final Caller caller;

  AnalyteResource(AnalyteService analytes, Caller caller) {
    this.analytes = analytes;
    this.caller = caller;
  }

  @GET
  @PermitAll
  @Operation(
      operationId = "listAnalytes",
      summary = "List the catalogue, optionally of one omics layer or one panel",
      description =
          "The whole catalogue in one answer (it is small), by code; with panel, the panel's"
              + " analytes in the panel's order.")
  @APIResponse(
      responseCode = "200",
      description = "The analytes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = Analyte.class)))
  @APIResponse(responseCode = "400", description = "An unknown omics layer or panel")
  public List<Analyte> list(
      @Parameter(
              description = "only analytes of this omics layer",
              schema = @Schema(implementation = OmicsLayer.class))
          @QueryParam("layer")
          String layer,
      @Parameter(description = "only the analytes of this panel (a panel code), in its order")
          @QueryParam("panel")
          String panel) {
    return analytes.list(layer(layer), blankToNull(panel));
  }

  @GET
  @Path("/{code}")
  @PermitAll
  @Operation(operationId = "getAnalyte", summary = "Read one analyte")
  @APIResponse(
      responseCode = "200",
      description = "The analyte",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Analyte.class)))
  @APIResponse(responseCode = "404", description = "No such analyte in the catalogue")
  public Analyte get(
      @Parameter(description = "the analyte's code") @PathParam("code") String code) {
    return analytes.get(code);
  }

  @POST
  @BodyLimit(BiomarkerBodyLimits.ANALYTE)
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(operationId = "createAnalyte", summary = "Add an analyte to the catalogue (curators)")
  @APIResponse(
      responseCode = "201",
      description = "Added; Location names it",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Analyte.class)),
      headers = @Header(name = "Location", ref = "Location"))
  @APIResponse(
      responseCode = "400",
      description =
          "The analyte is invalid: no code, a field breaks its rule, a unit that is not UCUM,"
              + " plausibleLow not below plausibleHigh, a LOINC code with a wrong check digit;"
              + " each is listed in violations")
  @APIResponse(responseCode = "409", description = "The catalogue has an analyte of this code")
  public Response create(@Valid @NotNull Analyte analyte) {
    Analyte created = analytes.create(caller, analyte);
    return Response.created(URI.create("/api/v1/analytes/" + created.code()))
        .entity(created)
        .build();
  }

  @PUT
  @BodyLimit(BiomarkerBodyLimits.ANALYTE)
  @Path("/{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.CURATOR)
  @SecurityRequirement(name = "bearerToken")
  @Operation(
      operationId = "replaceAnalyte",
      summary = "Replace an analyte's definition (curators)",
      description = "The path names the analyte; a code in the body must be the same.")
  @APIResponse(
      responseCode = "200",
      description = "The analyte as it now stands",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Analyte.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "The analyte is invalid (as for a POST), or the body names another code than the path")
  @APIResponse(responseCode = "404", description = "No such analyte in the catalogue")
  public Analyte replace(
      @Parameter(description = "the analyte's code") @PathParam("code") String code,
      @Valid @NotNull Analyte analyte) {
    return analytes.replace(caller, code, analyte);
  }

  private static OmicsLayer layer(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OmicsLayer.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalid(
          "Unknown omics layer",
          List.of(Violation.of("layer", "must be one of " + Arrays.toString(OmicsLayer.values()))));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
