package org.psybiome.trial.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.psybiome.trial.model.results.AdverseEvents;
import org.psybiome.trial.model.results.BaselineCharacteristics;
import org.psybiome.trial.model.results.OutcomeMeasureResult;
import org.psybiome.trial.model.results.ParticipantFlow;

/**
 * What a consortium writes about its trial: the WHO TRDS items that are not assigned by the
 * registry (1, 2, 17-actual and 18 are), the data elements ClinicalTrials.gov holds beyond them,
 * plus Psybiome's arms and schedule of assessments. A draft may be incomplete; registration
 * requires the TRDS items a registry requires (see RegistrationRequirements).
 *
 * <p>Three items of 1.0 have a richer form since 1.1 and are kept in step with it:
 * anticipatedFirstEnrolment and completionDate with {@code dates}, ethicsReview with {@code
 * ethicsReviews} (see LegacyItems).
 */
public record TrialContent(
    /* 3 */ List<@Valid @NotNull SecondaryId> secondaryIds,
    /* 4 */ List<@NotBlank @Size(max = 300) String> sourcesOfSupport,
    /* 5 */ @Size(max = 300) String primarySponsor,
    /* 6 */ List<@NotBlank @Size(max = 300) String> secondarySponsors,
    /* 7 */ @Valid Contact publicContact,
    /* 8 */ @Valid Contact scientificContact,
    /* 9 */ @Size(max = 300) String publicTitle,
    /* 10 */ @Size(max = 600) String scientificTitle,
    @Size(max = 40) String acronym,
    /* 11 */ List<
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
            String>
        countries,
    /* 12 */ List<@Valid @NotNull Condition> conditions,
    /* 13 */ List<@Valid @NotNull Intervention> interventions,
    /* 14 */ @Valid Eligibility eligibility,
    /* 15 */ @Valid Design design,
    /* 16 */ @Schema(
            deprecated = true,
            description =
                "Deprecated in 1.1: dates.studyStart. Kept in step with it where the day is known")
        LocalDate anticipatedFirstEnrolment,
    /* 17 */ @Min(1) @Max(10_000_000) Integer targetSampleSize,
    /* 19 */ List<@Valid @NotNull Outcome> primaryOutcomes,
    /* 20 */ List<@Valid @NotNull Outcome> secondaryOutcomes,
    /* 21 */ @Schema(
            deprecated = true,
            description = "Deprecated in 1.1: the first of ethicsReviews")
        @Valid
        EthicsReview ethicsReview,
    /* 22 */ @Schema(
            deprecated = true,
            description =
                "Deprecated in 1.1: dates.studyCompletion. Kept in step with it where the day is known")
        LocalDate completionDate,
    /* 23 */ @Valid SummaryResults summaryResults,
    /* 24 */ @Valid IpdSharing ipdSharing,
    @Size(max = 50) List<@Valid @NotNull Arm> arms,
    @Valid Schedule schedule,
    // added in 1.1
    /* 16, 22 */ @Valid KeyDates dates,
    /* 17 */ @Valid ReportedEnrolment enrolment,
    @Size(max = 5000) String briefSummary,
    @Size(max = 32000) String detailedDescription,
    @Size(max = 100) List<@NotBlank @Size(max = 160) String> keywords,
    /* 5 */ SponsorClass primarySponsorClass,
    /* 6 */ @Size(max = 100) List<@Valid @NotNull Organisation> collaborators,
    @Valid ResponsibleParty responsibleParty,
    @Size(max = 100) List<@Valid @NotNull Official> overallOfficials,
    /* 11 */ @Size(max = 5000) List<@Valid @NotNull Site> sites,
    @Valid Oversight oversight,
    /* 20 */ List<@Valid @NotNull Outcome> otherOutcomes,
    /* 21 */ @Size(max = 50) List<@Valid @NotNull EthicsReview> ethicsReviews,
    @Size(max = 500) List<@Valid @NotNull Reference> references,
    @Size(max = 100) List<@Valid @NotNull Link> links,
    /* 2 */ @Valid OriginalRegistration originalRegistration,
    @Valid AnalysisPlan analysisPlan,
    @Valid ResultsSharing resultsSharing) {

  public TrialContent {
    secondaryIds = orEmpty(secondaryIds);
    sourcesOfSupport = orEmpty(sourcesOfSupport);
    secondarySponsors = orEmpty(secondarySponsors);
    countries = orEmpty(countries);
    conditions = orEmpty(conditions);
    interventions = orEmpty(interventions);
    primaryOutcomes = orEmpty(primaryOutcomes);
    arms = orEmpty(arms);
    keywords = orEmpty(keywords);
    collaborators = orEmpty(collaborators);
    overallOfficials = orEmpty(overallOfficials);
    sites = orEmpty(sites);
    otherOutcomes = orEmpty(otherOutcomes);
    ethicsReviews = orEmpty(ethicsReviews);
    references = orEmpty(references);
    links = orEmpty(links);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * @param issuer who issued the id: for OTHER registries part of its identity, so two sponsors'
   *     internal codes do not collide
   * @param kind what the id is (added in 1.1; absent means REGISTRY)
   */
  public record SecondaryId(
      @NotNull SecondaryRegistry registry,
      @NotBlank @Size(max = 64) String value,
      @Size(max = 200) String issuer,
      SecondaryIdKind kind) {}

  public record Contact(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 300) String affiliation,
      @NotBlank @Email @Size(max = 200) String email,
      @Size(max = 40) String phone,
      @Size(max = 500) String address) {}

  /**
   * A health condition as registries hold it: its name, coded where a code is known (ICD-10 F32.1,
   * ICD-11 6A70, MeSH D003866, SNOMED CT 35489007) or free text ("gut microbiome"). Since 1.1
   * system and code are optional, given together.
   */
  public record Condition(
      ConditionCodeSystem system,
      @Size(min = 1, max = 20) String code,
      @NotBlank @Size(max = 300) String label,
      Boolean treatmentResistant) {}

  /**
   * Key inclusion and exclusion criteria (TRDS item 14), as lists or, as ClinicalTrials.gov keeps
   * them, one text ({@code criteriaText}); ages as whole years or, with their unit, as the source
   * gives them ("6 Months").
   */
  public record Eligibility(
      List<@NotBlank @Size(max = 1000) String> inclusionCriteria,
      List<@NotBlank @Size(max = 1000) String> exclusionCriteria,
      @Min(0) @Max(120) Integer minAgeYears,
      @Min(0) @Max(120) Integer maxAgeYears,
      EligibleSex sex,
      Boolean healthyVolunteers,
      // added in 1.1
      @Size(max = 20000) String criteriaText,
      @Pattern(regexp = AGE, message = "must be a number and a unit, e.g. 18 Years or 6 Months")
          String minimumAge,
      @Pattern(regexp = AGE, message = "must be a number and a unit, e.g. 65 Years")
          String maximumAge,
      Boolean genderBased,
      @Size(max = 1000) String genderDescription,
      @Size(max = 1000) String studyPopulation,
      SamplingMethod samplingMethod) {}

  public static final String ARM_CODE = "[A-Z0-9][A-Z0-9_-]{0,15}";

  static final String AGE = "\\d{1,3} (Years|Months|Weeks|Days|Hours|Minutes)";

  public record Masking(
      @NotNull MaskingLevel level,
      List<@NotNull MaskedRole> maskedRoles,
      @Size(max = 1000) String description) {
    public Masking {
      maskedRoles = maskedRoles == null ? List.of() : maskedRoles;
    }
  }

  public record Design(
      StudyType studyType,
      AllocationMethod allocation,
      InterventionModel interventionModel,
      @Valid Masking masking,
      TrialPhase phase,
      PrimaryPurpose primaryPurpose,
      // added in 1.1
      @Size(max = 1000) String interventionModelDescription,
      ObservationalModel observationalModel,
      TimePerspective timePerspective,
      Boolean patientRegistry,
      @Valid Randomisation randomisation,
      // added in 1.1
      @Schema(
              description =
                  "The code of the arm every other arm is compared with in analyses. When absent,"
                      + " the only placebo, sham or no-intervention arm, else the only active"
                      + " comparator",
              example = "PLACEBO")
          @Pattern(regexp = ARM_CODE, message = "must be an arm code like PLACEBO")
          String comparatorArm,
      @Valid Crossover crossover) {}

  /**
   * The periods and treatment sequences of a crossover or N-of-1 trial (added in 1.1): each
   * sequence gives the arm received in each period, in period order (AB/BA, ABAB/BABA, ...). A
   * randomised crossover trial allocates sequences, not arms; the schedule's visits name the period
   * they belong to.
   */
  public record Crossover(
      @NotNull @Size(min = 2, max = 20, message = "must have 2 to 20 periods")
          List<@Valid @NotNull Period> periods,
      @NotNull @Size(min = 1, max = 50, message = "must have 1 to 50 sequences")
          List<@Valid @NotNull TreatmentSequence> sequences) {}

  /** A treatment period, and the washout that precedes it (0 or absent: none). */
  public record Period(
      @NotBlank @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like P1")
          String code,
      @Size(max = 100) String label,
      @Min(0) @Max(3650) Integer washoutDaysBefore) {}

  /**
   * A treatment sequence: the arm codes in period order, and its weight when sequences are
   * allocated in a ratio other than 1:1.
   */
  public record TreatmentSequence(
      @NotBlank @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like AB")
          String code,
      @NotNull @Size(min = 2, max = 20) List<@NotBlank String> arms,
      @Min(1) @Max(100) Integer allocationRatio) {}

  /**
   * How a randomised trial allocates (added in 1.1): the method, the block sizes as multiples of
   * the allocation ratio's total (arms' allocationRatio, 1 when not given), and the factors that
   * define strata or that minimisation balances, each with its levels.
   */
  public record Randomisation(
      @NotNull RandomisationMethod method,
      @Size(max = 10)
          List<@NotNull @Min(value = 1, message = "must be at least 1") @Max(20) Integer>
              blockSizeMultipliers,
      @Size(max = 6) List<@Valid @NotNull Factor> factors,
      @Schema(
              description =
                  "Minimisation: the probability of the arm that minimises imbalance, above 0.5"
                      + " and at most 1")
          @DecimalMin(value = "0.5", inclusive = false)
          @DecimalMax("1")
          BigDecimal minimisationProbability,
      @Size(max = 2000) String description) {
    public Randomisation {
      blockSizeMultipliers = blockSizeMultipliers == null ? List.of() : blockSizeMultipliers;
      factors = factors == null ? List.of() : factors;
    }
  }

  /** A stratification or minimisation factor, e.g. site, baseline hs-CRP ≥ 3 mg/L, sex. */
  public record Factor(
      @NotBlank @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like CRP")
          String code,
      @Size(max = 200) String label,
      @NotNull @Size(min = 2, max = 20, message = "must have 2 to 20 levels")
          List<
                  @NotBlank
                  @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like GE3")
                  String>
              levels) {}

  /**
   * The parts of the statistical analysis plan that analyses across the registry need (added in
   * 1.1): which visit ends treatment (the {@code end-of-treatment} timepoint of the evidence
   * endpoint, and the default visit of response and remission), and the subgroup analyses by a
   * baseline value that the trial pre-registers.
   */
  @Schema(name = "AnalysisPlan")
  public record AnalysisPlan(
      @Schema(description = "code of the schedule's visit that ends treatment", example = "W8")
          @Pattern(regexp = ARM_CODE, message = "must be a visit code like W8")
          String endOfTreatmentVisit,
      @Size(max = 20) List<@Valid @NotNull PlannedSubgroup> subgroups) {
    public AnalysisPlan {
      subgroups = subgroups == null ? List.of() : subgroups;
    }
  }

  /**
   * A pre-registered subgroup analysis: the treatment effect within groups of a baseline value,
   * either split at {@code cutoffs} (ascending; groups below the first, then at or above each) or
   * into {@code quantiles} of equal size (3: tertiles), in the measure's catalogue unit.
   */
  @Schema(name = "PlannedSubgroup")
  public record PlannedSubgroup(
      @NotBlank @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like CRP3")
          String code,
      @Size(max = 200) String label,
      @Schema(description = "the measure whose baseline value defines the groups") @NotNull @Valid
          Measure measure,
      @Size(max = 9) List<@NotNull BigDecimal> cutoffs,
      @Min(2) @Max(5) Integer quantiles,
      @Schema(
              description =
                  "the randomisation's stratification factor this subgroup mirrors, when it does",
              example = "CRP")
          @Pattern(regexp = ARM_CODE, message = "must be a factor code like CRP")
          String stratificationFactor) {
    public PlannedSubgroup {
      cutoffs = cutoffs == null ? List.of() : cutoffs;
    }
  }

  /**
   * Whether the owner lets the registry use the trial's aggregate results (per-arm figures and
   * effects, never a participant's data) in answers to other consortia, such as the evidence across
   * trials (added in 1.1; absent: not shared). Even when shared, a trial enters them only once
   * unblinded or completed.
   */
  @Schema(name = "ResultsSharing")
  public record ResultsSharing(
      @Schema(description = "true: aggregate results may be pooled with other trials'")
          Boolean aggregateResults) {}

  /** A rating scale (HAMD17, MADRS, PHQ9, ...) or a biomarker analyte code (IL6, CORTISOL_AM). */
  public record Measure(
      @NotNull OutcomeMeasureKind kind,
      @NotBlank
          @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be an upper-case code")
          String code) {}

  /**
   * A primary, secondary or other outcome: linked to a catalogue scale or analyte ({@code
   * measure}), or, since 1.1, free text ({@code title}: feasibility, safety, imaging, cognition).
   */
  public record Outcome(
      @Valid Measure measure,
      @Size(max = 3000) String description,
      @Size(max = 1000) String timeFrame,
      @Size(max = 300) String title) {}

  /** The review of one ethics committee (TRDS item 21): status, date and contact. */
  public record EthicsReview(
      @NotNull EthicsApprovalStatus status,
      LocalDate approvalDate,
      @Size(max = 300) String committee,
      @Size(max = 100) String reference,
      // added in 1.1
      @Email @Size(max = 200) String contactEmail,
      @Size(max = 40) String contactPhone,
      @Size(max = 500) String contactAddress) {}

  /**
   * Summary results (TRDS item 23): when and where they were posted, the first journal publication,
   * and since 1.1 the structured participant flow, baseline characteristics, outcome measures and
   * adverse events.
   */
  public record SummaryResults(
      LocalDate postedOn,
      @Size(max = 500) String url,
      @Size(max = 5000) String summary,
      // added in 1.1
      LocalDate firstPublicationDate,
      @Size(max = 500) String protocolUrl,
      @Valid ParticipantFlow participantFlow,
      @Valid BaselineCharacteristics baselineCharacteristics,
      @Size(max = 1000) List<@Valid @NotNull OutcomeMeasureResult> outcomeMeasures,
      @Valid AdverseEvents adverseEvents,
      @Size(max = 3000) String limitationsAndCaveats) {
    public SummaryResults {
      outcomeMeasures = orEmpty(outcomeMeasures);
    }
  }

  public record IpdSharing(
      @NotNull IpdSharingPlan plan,
      @Size(max = 2000) String description,
      // added in 1.1
      List<@NotNull IpdInfoType> infoTypes,
      @Size(max = 1000) String timeFrame,
      @Size(max = 1000) String accessCriteria,
      @Size(max = 500) String url) {}

  /**
   * @param plannedSize participants planned for the arm (added in 1.1)
   * @param allocationRatio the arm's weight in the allocation ratio: 2 and 1 for 2:1 (added in 1.1)
   */
  public record Arm(
      @NotBlank @Size(max = 100) String label,
      @NotNull ArmType type,
      @Size(max = 2000) String description,
      List<@NotBlank String> interventionCodes,
      @Min(1) @Max(10_000_000) Integer plannedSize,
      @Min(1) @Max(100) Integer allocationRatio,
      @Schema(
              description =
                  "The arm's stable code (added in 1.1): participants and results refer to it, so"
                      + " renaming the arm keeps them. Assigned from the label when not given, and"
                      + " kept across changes by the label it had",
              example = "PROBIOTIC")
          @Pattern(regexp = ARM_CODE, message = "must be an upper-case code like PROBIOTIC")
          String code) {
    public Arm {
      interventionCodes = interventionCodes == null ? List.of() : interventionCodes;
    }
  }

  /** Study start, primary completion and completion (TRDS items 16 and 22), each with its type. */
  public record KeyDates(
      @Valid Milestone studyStart,
      @Valid Milestone primaryCompletion,
      @Valid Milestone studyCompletion,
      @Schema(description = "When the status was last confirmed as current (YYYY-MM[-DD])")
          PartialDate statusVerified) {}

  /**
   * A date, to the day or to the month, that has happened (ACTUAL) or is planned; without a type
   * where the source registry gives none (ClinicalTrials.gov records from before it required one).
   */
  public record Milestone(@NotNull PartialDate date, DateType type) {}

  /**
   * The enrolment the trial reports, independent of the participants registered here; without a
   * type where the source registry gives none.
   */
  public record ReportedEnrolment(
      @NotNull @Min(0) @Max(10_000_000) Integer count, EnrolmentType type) {}

  /** A sponsor, collaborator or funder organisation. */
  public record Organisation(@NotBlank @Size(max = 300) String name, SponsorClass sponsorClass) {}

  /** Who is responsible for the registration and its accuracy. */
  public record ResponsibleParty(
      @NotNull ResponsiblePartyType type,
      @Size(max = 200) String investigatorName,
      @Size(max = 300) String investigatorTitle,
      @Size(max = 300) String investigatorAffiliation) {}

  public record Official(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 300) String affiliation,
      OfficialRole role) {}

  /** A site where participants are recruited; country as ISO 3166-1 alpha-2. */
  public record Site(
      @Size(max = 300) String facility,
      @Size(max = 100) String city,
      @Size(max = 100) String state,
      @Size(max = 20) String zip,
      @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code")
          String country,
      SiteStatus status) {}

  /** Oversight: a data monitoring committee and whether a regulated product is studied. */
  public record Oversight(
      Boolean hasDmc,
      Boolean fdaRegulatedDrug,
      Boolean fdaRegulatedDevice,
      Boolean unapprovedDevice,
      Boolean usExport) {}

  /** A publication about the trial: PubMed id, DOI and/or citation. */
  public record Reference(
      @Pattern(regexp = "[1-9]\\d{0,8}", message = "must be a PubMed id (digits)") String pmid,
      @Pattern(regexp = "10\\.\\d{4,9}/\\S+", message = "must be a DOI (10.xxxx/...)") String doi,
      @Size(max = 5000) String citation,
      ReferenceType type) {}

  public record Link(@NotBlank @Size(max = 1000) String url, @Size(max = 300) String label) {}

  /**
   * Where the trial was first registered, if not in Psybiome (TRDS item 2 of that registry): the
   * dates the comparison with the first enrolment (prospective or retrospective) is made on.
   */
  public record OriginalRegistration(
      @NotNull SecondaryRegistry registry,
      @NotBlank @Size(max = 64) String id,
      LocalDate firstSubmitted,
      LocalDate firstPosted,
      LocalDate lastUpdatePosted,
      LocalDate resultsFirstPosted) {}

  /** A visit of the schedule of assessments, with the panels and scales collected at it. */
  public record Visit(
      @NotBlank
          @Pattern(
              regexp = "[A-Z0-9][A-Z0-9_-]{0,15}",
              message = "must be an upper-case code like W0")
          String code,
      @Size(max = 100) String label,
      @NotNull @Min(-365) @Max(3650) Integer dayOffset,
      boolean baseline,
      List<@NotBlank String> panels,
      List<@NotBlank String> scales,
      @Schema(
              description =
                  "Crossover and N-of-1 trials (added in 1.1): the period the visit belongs to;"
                      + " absent for visits outside every period (screening, washout)",
              example = "P1")
          @Pattern(regexp = ARM_CODE, message = "must be a period code like P1")
          String period,
      @Schema(
              description =
                  "The visit window (added in 1.1): a visit held up to this many days before or"
                      + " after its dayOffset is on schedule",
              example = "3")
          @Min(0)
          @Max(365)
          Integer windowDays) {
    public Visit {
      panels = panels == null ? List.of() : panels;
      scales = scales == null ? List.of() : scales;
    }
  }

  public record Schedule(@Size(max = 100) List<@Valid @NotNull Visit> visits) {
    public Schedule {
      visits = visits == null ? List.of() : visits;
    }
  }
}
