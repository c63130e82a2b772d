package org.psybiome.trial.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A typed intervention (TRDS item 13). {@code code} is how arms refer to it. The {@code type}
 * property selects the kind; free text is confined to names and descriptions.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Intervention.Probiotic.class, name = "PROBIOTIC"),
  @JsonSubTypes.Type(value = Intervention.Prebiotic.class, name = "PREBIOTIC"),
  @JsonSubTypes.Type(value = Intervention.Synbiotic.class, name = "SYNBIOTIC"),
  @JsonSubTypes.Type(value = Intervention.Postbiotic.class, name = "POSTBIOTIC"),
  @JsonSubTypes.Type(value = Intervention.Fmt.class, name = "FMT"),
  @JsonSubTypes.Type(value = Intervention.Diet.class, name = "DIET"),
  @JsonSubTypes.Type(value = Intervention.Placebo.class, name = "PLACEBO"),
  @JsonSubTypes.Type(value = Intervention.Sham.class, name = "SHAM"),
  @JsonSubTypes.Type(value = Intervention.StandardCare.class, name = "STANDARD_CARE"),
  @JsonSubTypes.Type(value = Intervention.AttentionControl.class, name = "ATTENTION_CONTROL"),
  @JsonSubTypes.Type(value = Intervention.Other.class, name = "OTHER")
})
public sealed interface Intervention {

  String CODE = "[A-Z0-9][A-Z0-9_-]{0,31}";

  String code();

  String name();

  /** What a regulator would call it; absent when not given. */
  RegulatoryType regulatoryType();

  /** Brand names, synonyms, codes. */
  List<String> otherNames();

  /** The {@code type} discriminator as clients write it. */
  default String typeName() {
    return getClass().getAnnotation(TypeName.class).value();
  }

  /** Strains given, for search; empty for interventions without live organisms. */
  default List<Strain> strains() {
    return List.of();
  }

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  @interface TypeName {
    String value();
  }

  /** A bacterial strain, e.g. Lactobacillus helveticus R0052. */
  record Strain(
      @NotBlank @Pattern(regexp = "[A-Z][a-z]+", message = "must be a capitalised genus name")
          String genus,
      @NotBlank @Pattern(regexp = "[a-z]+", message = "must be a lower-case species epithet")
          String species,
      @Pattern(regexp = "[a-z]+", message = "must be a lower-case subspecies epithet")
          String subspecies,
      @Size(max = 64) String designation,
      @Positive Long ncbiTaxonId,
      @Schema(description = "Colony-forming units of this strain per day (added in 1.1)")
          @DecimalMin(value = "1", message = "must be at least 1 CFU/day")
          BigDecimal cfuPerDay) {}

  /** A compound given in grams per day (prebiotics, postbiotics). */
  record Compound(
      @NotBlank @Size(max = 200) String name,
      @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal gramsPerDay) {}

  @TypeName("PROBIOTIC")
  record Probiotic(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotEmpty List<@Valid @NotNull Strain> strains,
      @NotNull @DecimalMin(value = "1", message = "must be at least 1 CFU/day")
          BigDecimal doseCfuPerDay,
      @Size(max = 200) String formulation,
      @Min(1) @Max(520) Integer durationWeeks,
      // added in 1.1
      @Size(max = 100) String doseFrequency,
      @Size(max = 300) String loadingDose,
      @Min(1) @Max(3650) Integer durationDays,
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("PREBIOTIC")
  record Prebiotic(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotEmpty List<@Valid @NotNull Compound> compounds,
      @Min(1) @Max(520) Integer durationWeeks,
      @Min(1) @Max(3650) Integer durationDays,
      // added in 1.1
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("SYNBIOTIC")
  record Synbiotic(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotEmpty List<@Valid @NotNull Compound> compounds,
      @NotEmpty List<@Valid @NotNull Strain> strains,
      @NotNull @DecimalMin(value = "1", message = "must be at least 1 CFU/day")
          BigDecimal doseCfuPerDay,
      @Min(1) @Max(520) Integer durationWeeks,
      @Min(1) @Max(3650) Integer durationDays,
      // added in 1.1
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("POSTBIOTIC")
  record Postbiotic(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotEmpty List<@Valid @NotNull Compound> compounds,
      @Min(1) @Max(520) Integer durationWeeks,
      @Min(1) @Max(3650) Integer durationDays,
      // added in 1.1
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("FMT")
  record Fmt(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotNull FmtRoute route,
      @NotNull FmtDonorType donorType,
      @Size(max = 500) String donorScreeningProtocol,
      @NotNull @Min(1) @Max(100) Integer administrations,
      // added in 1.1
      FmtPreparation preparation,
      @DecimalMin(value = "0", inclusive = false) BigDecimal volumeMl,
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("DIET")
  record Diet(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @NotBlank @Size(max = 200) String programme,
      @Size(max = 200) String adherenceMeasure,
      @Min(1) @Max(520) Integer durationWeeks,
      @Min(1) @Max(3650) Integer durationDays,
      // added in 1.1
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("PLACEBO")
  record Placebo(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      // added in 1.1
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  @TypeName("SHAM")
  record Sham(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      // added in 1.1
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  /** Treatment as usual, e.g. an SSRI; {@code adjunct}: the psychobiotic is added to it. */
  @TypeName("STANDARD_CARE")
  record StandardCare(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 100) String drugClass,
      @NotNull Boolean adjunct,
      // added in 1.1
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  /**
   * A behavioural attention control: contact, time and attention matched to the active intervention
   * without its content (added in 1.1).
   */
  @TypeName("ATTENTION_CONTROL")
  record AttentionControl(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      @Min(1) @Max(3650) Integer durationDays,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}

  /**
   * An intervention without psychobiotic typing: a drug, a procedure, a test, or one imported from
   * a registry that does not say what it contains (added in 1.1).
   */
  @TypeName("OTHER")
  record Other(
      @NotBlank @Pattern(regexp = CODE) String code,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 2000) String description,
      RegulatoryType regulatoryType,
      @Size(max = 20) List<@NotBlank @Size(max = 200) String> otherNames)
      implements Intervention {}
}
