package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.ResponseAnalysis;
import org.psybiome.biomarker.service.response.ResponseAnalyses;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Response and remission on a rating scale at a visit of a trial. */
@Path("/api/v1/trials/{trialId}/response")
@Tag(name = "Summaries", description = "Descriptive statistics and arm comparisons of results")
@SecurityRequirement(name = "bearerToken")
public class ResponseResource {

  private final ResponseAnalyses analyses;
  private final Caller caller;

  ResponseResource(ResponseAnalyses analyses, Caller caller) {
    this.analyses = analyses;
    this.caller = caller;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed({
    Roles.STATISTICIAN,
    Roles.READER,
    Roles.PIPELINE,
    Roles.REGISTRANT,
    Roles.BLINDED_STATISTICIAN
  })
  @Operation(
      operationId = "getResponseAnalysis",
      summary = "Response and remission on a rating scale at a visit, pooled and per arm",
      description =
          "Each enrolled participant's latest score at the visit and at the trial's baseline"
              + " visit (results with qcStatus FAIL skipped, a censored score unused; a latest"
              + " score collected outside its visit's window unused with window=exclude, and no"
              + " earlier one stands in for it). Response: a score at least responseReduction %"
              + " (default 50) below baseline; a baseline of 0 makes the participant not"
              + " evaluable (counted, with the reason). Remission: a score at the visit at or"
              + " below remissionThreshold, else the scale's default in the catalogue (HAMD17"
              + " <= 7, MADRS <= 10, PHQ9 <= 4, GAD7 <= 4); omitted for a scale without one. The"
              + " definition applied is echoed. Per group: allocated, evaluable, missing at the"
              + " visit, missing at baseline, not evaluable; responders and remitters with rates"
              + " and exact (Clopper–Pearson) and Wilson 95% intervals, of the complete cases and"
              + " with missing counted as non-responders (denominator: allocated). Each arm vs"
              + " the trial's comparator arm (as summaries choose it): risk difference with"
              + " Newcombe's hybrid score 95% interval (Wald's beside it), risk ratio with the"
              + " log interval (no responder in one group: 0.5 added to each count and n;"
              + " none in either, or all in both: not estimable), number needed to treat (1/RD,"
              + " Altman's NNT(benefit)/NNT(harm), interval through infinity when the RD's"
              + " contains 0). While the trial is blinded and the caller is not the consortium's"
              + " statistician: pooled only, byArm false.")
  @APIResponse(
      responseCode = "200",
      description = "The analysis",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ResponseAnalysis.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "scale missing, unknown or not a CLINICAL_SCALE analyte; visit missing, not in the"
              + " trial's schedule or the baseline visit; the trial without a baseline visit;"
              + " responseReduction not a number above 0 and at most 100; remissionThreshold not"
              + " a number; window not exclude or include",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "The caller's role may not read summaries",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public ResponseAnalysis get(
      @PathParam("trialId") String trialId,
      @Parameter(
              description = "a rating scale: an analyte code of layer CLINICAL_SCALE",
              required = true,
              example = "HAMD17")
          @QueryParam("scale")
          String scale,
      @Parameter(
              description = "visit code of the trial's schedule, e.g. the end of treatment",
              required = true)
          @QueryParam("visit")
          String visit,
      @Parameter(
              description = "percent reduction from baseline that makes a responder",
              schema = @Schema(type = SchemaType.NUMBER, defaultValue = "50"))
          @QueryParam("responseReduction")
          String responseReduction,
      @Parameter(
              description =
                  "a score at or below this is remission; without it the scale's default in the"
                      + " catalogue, if any",
              schema = @Schema(type = SchemaType.NUMBER))
          @QueryParam("remissionThreshold")
          String remissionThreshold,
      @Parameter(
              description =
                  "latest scores collected outside their visit's window: exclude (counted as"
                      + " missing) or include (used); echoed as windowHandling",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"exclude", "include"},
                      defaultValue = "exclude"))
          @QueryParam("window")
          @DefaultValue("exclude")
          String window) {
    return analyses.analyse(
        caller,
        trialId,
        blankAsNull(scale),
        blankAsNull(visit),
        blankAsNull(responseReduction),
        blankAsNull(remissionThreshold),
        window);
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
