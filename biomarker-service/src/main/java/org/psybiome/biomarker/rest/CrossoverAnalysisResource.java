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
import org.psybiome.biomarker.model.CrossoverAnalysis;
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.service.CensoredHandling;
import org.psybiome.biomarker.service.WindowHandling;
import org.psybiome.biomarker.service.crossover.CrossoverAnalyses;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** The within-participant analysis of an analyte in a crossover or N-of-1 trial. */
@Path("/api/v1/trials/{trialId}/crossover-analysis")
@Tag(name = "Summaries")
@SecurityRequirement(name = "bearerToken")
public class CrossoverAnalysisResource {

  private final CrossoverAnalyses analyses;
  private final Caller caller;

  CrossoverAnalysisResource(CrossoverAnalyses analyses, Caller caller) {
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
      operationId = "getCrossoverAnalysis",
      summary = "Within-participant analysis of an analyte in a crossover or N-of-1 trial",
      description =
          "Each participant with a treatment sequence has one value per period: the value at the"
              + " period's last scheduled visit (highest dayOffset of the visits bound to it), by"
              + " the summaries' rules (latest result per participant and visit, QC FAIL out,"
              + " censored values out or limit/√2 with censored=lloq-sqrt2, out-of-window results"
              + " out with window=exclude). The visit is fixed by the schedule, never chosen by"
              + " which visit has a value. A participant without a usable value in every period of"
              + " their sequence is excluded and listed with the reason. For analytes analysed on"
              + " the log scale everything is on natural logs (values ≤ 0 exclude the"
              + " participant), with exponentials as ratios of geometric means. Per arm other than"
              + " the comparator (as in summaries): each participant's treatment − comparator"
              + " difference (mean under each); for the 2×2 AB/BA design the Jones & Kenward /"
              + " Senn analysis of period differences (treatment and period effects, pooled-"
              + "variance t test on n − 2 df), and for every design the paired t test of the"
              + " per-participant differences (method says which). In an N-of-1 trial periods"
              + " fall in cycles of as many consecutive periods as the sequence has arms; each"
              + " participant's own estimate is the mean of their cycle differences with a t"
              + " interval on cycles − 1 df (none for one cycle). While the trial is blinded to"
              + " the caller, counts only: no participant rows and no comparisons.")
  @APIResponse(
      responseCode = "200",
      description = "The analysis",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CrossoverAnalysis.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "analyte missing, censored not exclude or lloq-sqrt2, window not exclude or include, a"
              + " specimen unknown or not allowed for the analyte, or no specimen while the trial"
              + " has results of the analyte in several")
  @APIResponse(responseCode = "403", description = "The caller's role may not read analyses")
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium, or no such analyte")
  @APIResponse(
      responseCode = "409",
      description =
          "The trial is not a CROSSOVER or N_OF_1 trial: it has no periods to compare within"
              + " participants")
  public CrossoverAnalysis get(
      @PathParam("trialId") String trialId,
      @Parameter(description = "an analyte code of the catalogue", required = true)
          @QueryParam("analyte")
          String analyte,
      @Parameter(
              description =
                  "only results of this specimen; required when the trial has results of the"
                      + " analyte in more than one",
              schema = @Schema(type = SchemaType.STRING, implementation = Specimen.class))
          @QueryParam("specimen")
          String specimen,
      @Parameter(
              description = "censored latest results: exclude or lloq-sqrt2 (as in summaries)",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"exclude", "lloq-sqrt2"},
                      defaultValue = "exclude"))
          @QueryParam("censored")
          @DefaultValue("exclude")
          String censored,
      @Parameter(
              description =
                  "latest results collected outside their visit's window: exclude or include (as"
                      + " in summaries)",
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
        analyte == null || analyte.isBlank() ? null : analyte,
        specimen == null || specimen.isBlank() ? null : specimen,
        CensoredHandling.of(censored),
        WindowHandling.of(window));
  }
}
