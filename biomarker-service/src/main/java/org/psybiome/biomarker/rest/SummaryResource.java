package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
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
import org.psybiome.biomarker.model.Specimen;
import org.psybiome.biomarker.model.Summary;
import org.psybiome.biomarker.service.CensoredHandling;
import org.psybiome.biomarker.service.Summaries;
import org.psybiome.biomarker.service.SummaryScale;
import org.psybiome.biomarker.service.WindowHandling;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** Summaries of a trial's results of an analyte at a visit. */
@Path("/api/v1/trials/{trialId}/summaries/{analyte}")
@Tag(name = "Summaries", description = "Descriptive statistics and arm comparisons of results")
@SecurityRequirement(name = "bearerToken")
public class SummaryResource {

  private final Summaries summaries;
  private final Caller caller;

  SummaryResource(Summaries summaries, Caller caller) {
    this.summaries = summaries;
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
      operationId = "getSummary",
      summary = "Summarise an analyte at a visit, pooled or per arm, values or changes",
      description =
          "One result per participant and visit: the latest by collection time, then by"
              + " registration order (result id), results with qcStatus FAIL skipped. A"
              + " participant whose latest result is censored counts in nCensored only, never"
              + " with an older value. Over the others' standardised values: n, mean, SD (n−1),"
              + " median, Q1, Q3 (type 7), min, max; change=true uses participants whose latest"
              + " results at the visit and at baseline are both not censored. Results with"
              + " qcStatus FAIL enter no statistic (nor a change, nor the comparison) and are"
              + " counted in nQcFail; nQcWarn counts the values used that have qcStatus WARN."
              + " by=arm: per arm (matched by the arm's stable code), and each other arm vs the"
              + " trial's comparator arm (declared by the trial, else the only placebo/sham/"
              + " no-intervention arm, else the only active comparator; none otherwise, with"
              + " noComparisonReason): mean difference, Hedges' g with 95% CI, Welch's t, df,"
              + " two-sided p and its Holm adjustment over the comparisons; at a visit after"
              + " baseline the baseline-adjusted ANCOVA (OLS, comparator as reference); for"
              + " analytes analysed on the log scale, geometric means and ratios (values <= 0 left"
              + " out and counted). by=arm is withheld while the trial is blinded except for the"
              + " consortium's statistician. Pooled summaries are open to the consortium's"
              + " registrants too. A latest result collected outside its visit's window (its date,"
              + " UTC, not within the participant's enrolment date + dayOffset ± windowDays, both"
              + " ends in; visits without a declared window have none) is left out by default"
              + " (window=exclude) and counted in nOutOfWindow; an earlier result does not stand"
              + " in for it. scale=clr (genus relative abundances): the taxon's centred log-ratio"
              + " within each sample's full genus profile (every genus and TAXON_UNCLASSIFIED as"
              + " parts, zeros replaced multiplicatively, Martín-Fernández et al. 2003), summarised"
              + " like any value; samples without a full profile are counted in clrExcluded.")
  @APIResponse(
      responseCode = "200",
      description =
          "The summary: pooled has pooled, arm has arms, comparisons (and comparison, the first),"
              + " run has runs",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Summary.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "visit missing or not in the trial's schedule, by not pooled, arm or run, change not true or"
              + " false, censored not exclude or lloq-sqrt2, window not exclude or include,"
              + " scale not raw or clr, scale=clr for an analyte that is not a genus abundance,"
              + " change=true for a trial without a"
              + " baseline visit, a specimen unknown or not allowed for the analyte, or no specimen"
              + " while the trial has results of the analyte in several")
  @APIResponse(
      responseCode = "403",
      description =
          "The caller's role may not read summaries, or by=arm while the trial is blinded and the"
              + " caller is not the consortium's statistician")
  @APIResponse(
      responseCode = "404",
      description = "No such trial of the caller's consortium, or no such analyte")
  public Summary get(
      @PathParam("trialId") String trialId,
      @Parameter(description = "an analyte code of the catalogue") @PathParam("analyte")
          String analyte,
      @Parameter(description = "visit code of the trial's schedule", required = true)
          @QueryParam("visit")
          String visit,
      @Parameter(
              description =
                  "pooled: all participants; arm: per arm, with the arm comparison; run: per"
                      + " assayRun of the participants' latest results at the visit, pooled over"
                      + " arms (results without a run as \"unspecified\")",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {Summaries.POOLED, Summaries.ARM, Summaries.RUN},
                      defaultValue = Summaries.POOLED))
          @QueryParam("by")
          @DefaultValue("pooled")
          String by,
      @Parameter(
              description = "true: changes from the baseline visit (visit − baseline)",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          @QueryParam("change")
          @DefaultValue("false")
          // JAX-RS reads any word but "true" as false: a typo must not silently change the answer
          @Pattern(regexp = "true|false", message = "must be true or false")
          String change,
      @Parameter(
              description =
                  "censored latest results: exclude (counted in nCensored only) or lloq-sqrt2"
                      + " (a result below the lower limit of quantification enters as limit/√2;"
                      + " one above the upper limit stays excluded); echoed as censoredHandling",
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
                  "latest results collected outside their visit's window (date, UTC, not within"
                      + " enrolment date + dayOffset ± windowDays): exclude (counted in"
                      + " nOutOfWindow only) or include (used, and counted in nOutOfWindow too);"
                      + " echoed as windowHandling",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"exclude", "include"},
                      defaultValue = "exclude"))
          @QueryParam("window")
          @DefaultValue("exclude")
          String window,
      @Parameter(
              description =
                  "only results of this specimen (SERUM, PLASMA, ...; one the analyte allows);"
                      + " required when the trial has results of the analyte in more than one"
                      + " specimen, which a summary never pools",
              schema = @Schema(type = SchemaType.STRING, implementation = Specimen.class))
          @QueryParam("specimen")
          String specimen,
      @Parameter(
              description =
                  "raw: the standard values; clr (genus relative abundances only: TAXON_<NCBI id>"
                      + " or TAXON_UNCLASSIFIED): each participant's centred log-ratio of the taxon"
                      + " within the full genus profile of the sample of their latest result,"
                      + " zeros replaced first (zeroReplacement); samples without a full profile"
                      + " are counted in clrExcluded. Echoed as scale",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"raw", "clr"},
                      defaultValue = "raw"))
          @QueryParam("scale")
          @DefaultValue("raw")
          String scale) {
    return summaries.summary(
        caller,
        trialId,
        analyte,
        visit == null || visit.isBlank() ? null : visit,
        by,
        Boolean.parseBoolean(change),
        CensoredHandling.of(censored),
        WindowHandling.of(window),
        specimen == null || specimen.isBlank() ? null : specimen,
        SummaryScale.of(scale));
  }
}
