package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
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
import org.psybiome.biomarker.model.SubgroupAnalysis;
import org.psybiome.biomarker.service.subgroup.SubgroupAnalyses;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** The treatment effect within subgroups of a baseline value, and the interaction test. */
@Path("/api/v1/trials/{trialId}/subgroups")
@Tag(name = "Summaries")
@SecurityRequirement(name = "bearerToken")
public class SubgroupResource {

  private final SubgroupAnalyses analyses;
  private final Caller caller;

  SubgroupResource(SubgroupAnalyses analyses, Caller caller) {
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
      operationId = "getSubgroupAnalysis",
      summary = "The treatment effect within subgroups of a baseline value, with the interaction",
      description =
          "Subgroups by each participant's baseline value of a measure (latest result at the"
              + " trial's baseline visit, QC FAIL skipped, out-of-window unused, in the"
              + " catalogue unit, one specimen): the trial plan's pre-registered subgroup"
              + " (subgroup=CODE, preRegistered true) or an exploratory one (by=MEASURE with"
              + " cutoffs= or quantiles=, preRegistered false). A value equal to a cut is in the"
              + " upper group; quantile cuts are type-7 quantiles of the pooled measured baseline"
              + " values; a censored baseline is placed by its limit when that puts it on one"
              + " side of every cut, else not analysed. Per experimental arm vs the comparator:"
              + " within each subgroup the ANCOVA difference (outcome ~ arm + baseline outcome;"
              + " on natural logs, as a ratio of geometric means, for a log-scale analyte) with"
              + " its 95% interval, else the unadjusted difference with Welch's interval; and"
              + " the arm × subgroup interaction from one OLS model (outcome ~ arm + subgroup +"
              + " arm×subgroup + baseline outcome), its terms tested jointly by F. No p value per"
              + " subgroup. While the trial is blinded and the caller is not the consortium's"
              + " statistician: pooled subgroup sizes only, byArm false.")
  @APIResponse(
      responseCode = "200",
      description = "The analysis",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SubgroupAnalysis.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "outcome missing or unknown; visit missing, not in the trial's schedule or the"
              + " baseline visit; the trial without a baseline visit; neither or both of"
              + " subgroup and by; a subgroup code not in the trial's analysis plan; by unknown;"
              + " with by, neither or both of cutoffs and quantiles; cutoffs not numbers or not"
              + " strictly ascending; quantiles not 2-5; cutoffs or quantiles with subgroup;"
              + " specimen unknown, not allowed, or required (results in several specimens)",
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
  @APIResponse(
      responseCode = "422",
      description =
          "The plan's subgroup cannot be analysed (unknown measure, no or both of cutoffs and"
              + " quantiles), or no participant has a measured baseline value to take quantiles"
              + " of",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public SubgroupAnalysis get(
      @PathParam("trialId") String trialId,
      @Parameter(
              description = "the outcome: an analyte or scale code",
              required = true,
              example = "HAMD17")
          @QueryParam("outcome")
          String outcome,
      @Parameter(description = "visit code of the trial's schedule after baseline", required = true)
          @QueryParam("visit")
          String visit,
      @Parameter(
              description = "a subgroup code of the trial's analysis plan (pre-registered)",
              example = "CRP3")
          @QueryParam("subgroup")
          String subgroup,
      @Parameter(
              description =
                  "an analyte or scale code whose baseline value defines exploratory subgroups",
              example = "HSCRP")
          @QueryParam("by")
          String by,
      @Parameter(
              description =
                  "with by: strictly ascending cut values in the measure's catalogue unit,"
                      + " comma-separated",
              example = "3")
          @QueryParam("cutoffs")
          String cutoffs,
      @Parameter(
              description = "with by: the number of quantile groups, 2 to 5",
              schema = @Schema(type = SchemaType.INTEGER, minimum = "2", maximum = "5"))
          @QueryParam("quantiles")
          String quantiles,
      @Parameter(
              description =
                  "the subgroup measure's specimen, required when the trial has its results in"
                      + " several")
          @QueryParam("specimen")
          String specimen) {
    return analyses.analyse(
        caller,
        trialId,
        blankAsNull(outcome),
        blankAsNull(visit),
        blankAsNull(subgroup),
        blankAsNull(by),
        blankAsNull(cutoffs),
        blankAsNull(quantiles),
        blankAsNull(specimen));
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
