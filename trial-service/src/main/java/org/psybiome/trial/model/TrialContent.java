package org.psybiome.trial.model;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * What a consortium writes about its trial: the WHO TRDS items that are not assigned by the
 * registry (1, 2, 17-actual and 18 are), plus Psybiome's arms and schedule of assessments. A draft
 * may be incomplete; registration requires every TRDS item (see RegistrationRequirements).
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
    /* 16 */ LocalDate anticipatedFirstEnrolment,
    /* 17 */ @Min(1) @Max(10_000_000) Integer targetSampleSize,
    /* 19 */ List<@Valid @NotNull Outcome> primaryOutcomes,
    /* 20 */ List<@Valid @NotNull Outcome> secondaryOutcomes,
    /* 21 */ @Valid EthicsReview ethicsReview,
    /* 22 */ LocalDate completionDate,
    /* 23 */ @Valid SummaryResults summaryResults,
    /* 24 */ @Valid IpdSharing ipdSharing,
    @Size(max = 50) List<@Valid @NotNull Arm> arms,
    @Valid Schedule schedule) {

  public TrialContent {
    secondaryIds = orEmpty(secondaryIds);
    sourcesOfSupport = orEmpty(sourcesOfSupport);
    secondarySponsors = orEmpty(secondarySponsors);
    countries = orEmpty(countries);
    conditions = orEmpty(conditions);
    interventions = orEmpty(interventions);
    primaryOutcomes = orEmpty(primaryOutcomes);
    arms = orEmpty(arms);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  public record SecondaryId(
      @NotNull SecondaryRegistry registry,
      @NotBlank @Size(max = 64) String value,
      @Size(max = 200) String issuer) {}

  public record Contact(
      @NotBlank @Size(max = 200) String name,
      @Size(max = 300) String affiliation,
      @NotBlank @Email @Size(max = 200) String email,
      @Size(max = 40) String phone,
      @Size(max = 500) String address) {}

  /** A health condition coded in ICD-10 (F32.1) or ICD-11 (6A70). */
  public record Condition(
      @NotNull ConditionCodeSystem system,
      @NotBlank @Size(max = 16) String code,
      @NotBlank @Size(max = 200) String label,
      Boolean treatmentResistant) {}

  public record Eligibility(
      List<@NotBlank @Size(max = 1000) String> inclusionCriteria,
      List<@NotBlank @Size(max = 1000) String> exclusionCriteria,
      @Min(0) @Max(120) Integer minAgeYears,
      @Min(0) @Max(120) Integer maxAgeYears,
      EligibleSex sex,
      Boolean healthyVolunteers) {}

  public record Masking(@NotNull MaskingLevel level, List<@NotNull MaskedRole> maskedRoles) {
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
      PrimaryPurpose primaryPurpose) {}

  /** A rating scale (HAMD17, MADRS, PHQ9, ...) or a biomarker analyte code (IL6, CORTISOL_AM). */
  public record Measure(
      @NotNull OutcomeMeasureKind kind,
      @NotBlank
          @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,31}", message = "must be an upper-case code")
          String code) {}

  public record Outcome(
      @NotNull @Valid Measure measure,
      @Size(max = 1000) String description,
      @NotBlank @Size(max = 200) String timeFrame) {}

  public record EthicsReview(
      @NotNull EthicsApprovalStatus status,
      LocalDate approvalDate,
      @Size(max = 300) String committee,
      @Size(max = 100) String reference) {}

  public record SummaryResults(
      LocalDate postedOn, @Size(max = 500) String url, @Size(max = 5000) String summary) {}

  public record IpdSharing(@NotNull IpdSharingPlan plan, @Size(max = 2000) String description) {}

  public record Arm(
      @NotBlank @Size(max = 60) String label,
      @NotNull ArmType type,
      @Size(max = 2000) String description,
      List<@NotBlank String> interventionCodes) {
    public Arm {
      interventionCodes = interventionCodes == null ? List.of() : interventionCodes;
    }
  }

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
      List<@NotBlank String> scales) {
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
