package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.AnalysisTable;
import org.psybiome.biomarker.service.AnalysisTables;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** The trial's analysis table: its registered outcomes' comparisons at a visit. */
@Path("/api/v1/trials/{trialId}/analysis")
@Tag(name = "Summaries")
@SecurityRequirement(name = "bearerToken")
public class AnalysisResource {

  private final AnalysisTables tables;
  private final Caller caller;

  AnalysisResource(AnalysisTables tables, Caller caller) {
    this.tables = tables;
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
      operationId = "getAnalysisTable",
      summary = "The trial's analysis table at a visit: registered outcomes, primary first",
      description =
          "Every registered primary and secondary outcome with a catalogue measure, each arm"
              + " compared with the trial's comparator arm at the visit: the baseline-adjusted"
              + " comparison (ANCOVA, value ~ arm + baseline; for analytes analysed on the log"
              + " scale on natural logs, as a ratio of geometric means) where it can be fitted,"
              + " else the unadjusted Welch comparison with the reason; with the summaries' rules"
              + " (latest result per participant and visit, QC FAIL and censored values out)."
              + " Primary outcomes keep Holm's adjustment across arms; secondary outcomes are"
              + " adjusted together by Benjamini–Hochberg. Measures with results at the visit that"
              + " the trial did not register follow, flagged registered=false and not adjusted."
              + " While the trial is blinded to the caller, rows carry the pooled n only.")
  @APIResponse(
      responseCode = "200",
      description = "The table",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = AnalysisTable.class)))
  @APIResponse(responseCode = "400", description = "visit missing or not in the trial's schedule")
  @APIResponse(responseCode = "404", description = "No such trial of the caller's consortium")
  public AnalysisTable get(
      @PathParam("trialId") String trialId,
      @Parameter(description = "visit code of the trial's schedule", required = true)
          @QueryParam("visit")
          String visit) {
    return tables.table(caller, trialId, visit == null || visit.isBlank() ? null : visit);
  }
}
