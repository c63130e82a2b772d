package org.psybiome.biomarker.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.psybiome.biomarker.model.Evidence;
import org.psybiome.biomarker.service.evidence.EvidenceQuery;
import org.psybiome.biomarker.service.evidence.EvidenceSynthesis;
import org.psybiome.biomarker.service.evidence.ForestPlot;
import org.psybiome.common.problem.Problem;
import org.psybiome.common.security.Caller;
import org.psybiome.common.security.Roles;

/** An outcome's evidence across registered trials, as JSON or as an SVG forest plot. */
@Path("/api/v1/evidence")
@Tag(name = "Evidence", description = "Pooling an outcome's effect across registered trials")
@SecurityRequirement(name = "bearerToken")
public class EvidenceResource {

  static final String SVG = "image/svg+xml";

  private final EvidenceSynthesis synthesis;
  private final Caller caller;

  EvidenceResource(EvidenceSynthesis synthesis, Caller caller) {
    this.synthesis = synthesis;
    this.caller = caller;
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, SVG})
  @RolesAllowed({Roles.READER, Roles.STATISTICIAN, Roles.BLINDED_STATISTICIAN, Roles.REGISTRANT})
  @Operation(
      operationId = "getEvidence",
      summary =
          "An outcome's effect in every qualifying registered trial, pooled by random effects",
      description =
          "Every trial the service knows, of any consortium, qualifies when (a) its owner shares"
              + " aggregate results (the record's resultsSharing.aggregateResults; the caller's"
              + " own consortium's trials without it, as no data leaves the consortium); (b) it"
              + " is not blinded: a masked trial enters only once unblinded, whatever its status,"
              + " and an open-label trial only once COMPLETED or TERMINATED (else ONGOING); (c)"
              + " an arm other than the comparator receives an intervention of interventionType"
              + " (when given), and the trial has a comparator arm (declared, else the only"
              + " placebo/sham/no-intervention arm, else the only active comparator); (d) that"
              + " arm matches adjunct (when given: adjunct = it also receives STANDARD_CARE with"
              + " adjunct true); (e) a parallel-group design whose analysis plan names its"
              + " end-of-treatment visit (timepoint=end-of-treatment, the only one), after its"
              + " baseline visit; (f) results of the outcome at baseline and that visit in both"
              + " arms, at least two participants each. The effect is the change from baseline,"
              + " experimental arm minus comparator, per arm by the summaries' rules (latest"
              + " result per participant and visit, QC FAIL skipped, censored and out-of-window"
              + " results unused): effect=md the mean difference (default with one outcome),"
              + " effect=smd Hedges' g (exact small-sample correction). outcome may list several"
              + " rating scales (HAMD17,MADRS; CLINICAL_SCALE analytes only): each trial uses the first it has results of, and only smd"
              + " is allowed. With several matching arms the first in the record's order is"
              + " compared and the entry says the others were not pooled (a comparator counts"
              + " once). Results of the outcomes in different specimens → 422 unless specimen="
              + " names one. Listed: included trials (per arm n, mean and SD of the change; the"
              + " effect, its variance, SE, 95% CI (normal), random-effects weight %) and excluded"
              + " trials with a reason (NOT_SHARED, BLINDED, ONGOING, NO_COMPARATOR, NOT_PARALLEL,"
              + " NO_TIMEPOINT, NO_RESULTS, TOO_FEW_RESULTS) — only trials matching"
              + " interventionType and adjunct; a trial that is not shared is set aside before"
              + " any of its results is read. With two or more trials: REML τ², the"
              + " Hartung–Knapp–Sidik–Jonkman interval and t-test (k−1 df), the 95% prediction"
              + " interval, Q, I², H² (as R metafor rma(method=\"REML\", test=\"knha\")); with"
              + " three or more, leave-one-out; subgroup pooling by the experimental arm's"
              + " intervention type (unless interventionType is given) and by adjunct vs"
              + " standalone (unless adjunct is given) with the test for subgroup differences."
              + " Aggregate figures only, never a participant's value. Accept: image/svg+xml"
              + " gives the same answer as a forest plot.")
  @APIResponse(
      responseCode = "200",
      description = "The evidence",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Evidence.class)),
        @Content(
            mediaType = SVG,
            schema =
                @Schema(
                    type = SchemaType.STRING,
                    description =
                        "An SVG 1.1 forest plot, titled and described for screen readers"))
      })
  @APIResponse(
      responseCode = "400",
      description =
          "outcome missing or not a catalogue analyte, or several outcomes not all rating scales;"
              + " timepoint not end-of-treatment;"
              + " interventionType not a known type; adjunct not true or false; effect not md or"
              + " smd, or md with several outcomes; specimen unknown or not allowed for the"
              + " outcome",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "403",
      description = "The caller's role may not read evidence",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "422",
      description =
          "The qualifying trials' results are in different specimens and no specimen= is given;"
              + " the problem lists each trial's",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response get(
      @Parameter(
              description =
                  "analyte code(s) of the catalogue, comma-separated in order of preference",
              required = true,
              example = "HAMD17")
          @QueryParam("outcome")
          String outcome,
      @Parameter(
              description = "when the change is measured: the record's end-of-treatment visit",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {EvidenceQuery.END_OF_TREATMENT},
                      defaultValue = EvidenceQuery.END_OF_TREATMENT))
          @QueryParam("timepoint")
          String timepoint,
      @Parameter(
              description = "the experimental arm receives an intervention of this type",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {
                        "PROBIOTIC",
                        "PREBIOTIC",
                        "SYNBIOTIC",
                        "POSTBIOTIC",
                        "FMT",
                        "DIET",
                        "OTHER"
                      }))
          @QueryParam("interventionType")
          String interventionType,
      @Parameter(
              description =
                  "true: the experimental arm also receives standard care it is added to;"
                      + " false: it does not",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("adjunct")
          String adjunct,
      @Parameter(
              description = "md (one outcome; default then) or smd (default with several)",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"md", "smd"}))
          @QueryParam("effect")
          String effect,
      @Parameter(description = "pool results of this specimen only, e.g. SERUM")
          @QueryParam("specimen")
          String specimen,
      @Parameter(
              description =
                  "pool stool results on this basis only (per WET or DRY mass); required when the"
                      + " qualifying trials' results of the outcome are on different bases, or"
                      + " mix a basis with unspecified ones, which are never pooled",
              schema =
                  @Schema(
                      type = SchemaType.STRING,
                      enumeration = {"WET", "DRY"}))
          @QueryParam("basis")
          String basis,
      @Context HttpHeaders headers) {
    Evidence evidence =
        synthesis.evidence(
            caller,
            EvidenceQuery.parse(
                outcome, timepoint, interventionType, adjunct, effect, specimen, basis));
    return prefersSvg(headers.getAcceptableMediaTypes())
        ? Response.ok(ForestPlot.render(evidence), SVG).build()
        : Response.ok(evidence, MediaType.APPLICATION_JSON).build();
  }

  /** SVG when the client ranks it above JSON (the list is sorted by preference). */
  private static boolean prefersSvg(List<MediaType> acceptable) {
    for (MediaType type : acceptable) {
      if (type.isCompatible(MediaType.valueOf(SVG)) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
