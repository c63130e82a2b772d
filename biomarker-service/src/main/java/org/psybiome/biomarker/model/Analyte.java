package org.psybiome.biomarker.model;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An entry of the analyte catalogue. Results of the analyte are stored in {@code unit}, its
 * standard UCUM unit; {@code molarMass} (g/mol) converts mass concentrations to molar ones and
 * back; the plausible range (in the standard unit) catches unit mix-ups.
 *
 * <p>On a write, {@code code} may be left out of a PUT (the path names the analyte).
 */
@Schema(
    name = "Analyte",
    requiredProperties = {
      "code",
      "name",
      "layer",
      "specimen",
      "unit",
      "plausibleLow",
      "plausibleHigh",
      "derived"
    })
public record Analyte(
    @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        @Schema(
            description =
                "the analyte's code; in a PUT the path's code (the body may leave it out)",
            example = "IL6")
        String code,
    @NotBlank @Size(max = 200) @Schema(example = "Interleukin-6") String name,
    @NotNull OmicsLayer layer,
    @NotNull
        @Schema(
            description =
                "the default specimen: a result that names none is of this specimen; always one"
                    + " of specimens")
        Specimen specimen,
    @Schema(
            description =
                "the specimens the analyte may be measured in (a result of another is refused),"
                    + " always with the default specimen; when a POST leaves it out, the default"
                    + " specimen alone; when a PUT leaves it out, those stored (and the new"
                    + " default specimen); NOT_APPLICABLE (a rating scale) stands alone")
        List<@NotNull Specimen> specimens,
    @NotBlank @Size(max = 64) @Schema(description = "standard UCUM unit", example = "pg/mL")
        String unit,
    @Pattern(regexp = "\\d{1,7}-\\d", message = "must be a LOINC code like 26881-3")
        @Schema(description = "LOINC code, where a real one exists", example = "26881-3")
        String loinc,
    @Positive @Schema(description = "NCBI Taxonomy id, for microbiome taxa", example = "1578")
        Integer ncbiTaxonId,
    @DecimalMin(value = "0", inclusive = false, message = "must be positive")
        @Schema(description = "g/mol, where mass <-> molar conversion is needed")
        BigDecimal molarMass,
    @NotNull @Schema(description = "lowest plausible value, in the standard unit")
        BigDecimal plausibleLow,
    @NotNull @Schema(description = "highest plausible value, in the standard unit")
        BigDecimal plausibleHigh,
    @Schema(
            description =
                "computed from other analytes (e.g. a ratio), not measured; false when left out"
                    + " of a write")
        boolean derived,
    @Schema(
            description =
                "analysed on the log scale by default (skewed concentrations: hs-CRP, cytokines,"
                    + " LBP): summaries add geometric means and ratios. Left out of a POST: false;"
                    + " left out of a PUT: unchanged")
        Boolean logScale,
    @Pattern(
            regexp = "[A-Z][A-Z0-9_]{0,7}",
            message = "must be an SDTM test code: upper case, at most 8 characters, a letter first")
        @Schema(
            description =
                "SDTM test code (LBTESTCD) of the sdtm-lb export, unique in the catalogue; derived"
                    + " from the code when a POST leaves it out, kept when a PUT leaves it out",
            example = "IL6")
        String sdtmTestCode,
    @Size(min = 1, max = 40)
        @Schema(
            description =
                "SDTM test name (LBTEST), at most 40 characters; the name (cut at 40) when a POST"
                    + " leaves it out, kept when a PUT leaves it out",
            example = "Interleukin-6")
        String sdtmTestName,
    @DecimalMin(value = "0", message = "must not be negative")
        @Schema(
            description =
                "a rating scale's default remission threshold: a score at or below it at the end"
                    + " of treatment is remission (HAMD-17 7, MADRS 10, PHQ-9 4, GAD-7 4; the"
                    + " response analysis uses it unless the caller gives another); absent where"
                    + " the field has no common one. Rating scales only; left out of a PUT:"
                    + " unchanged",
            example = "7")
        BigDecimal remissionMax,
    @Schema(
            description =
                "a rating scale on which a higher score is worse (a symptom severity scale), so"
                    + " that response is a reduction from baseline; false for scales such as"
                    + " positive affect, on which the response analysis refuses to compute a"
                    + " reduction. Rating scales only; left out of a POST: false, of a PUT:"
                    + " unchanged")
        Boolean severityScale) {

  public Analyte {
    specimens = specimens == null ? null : List.copyOf(specimens);
  }

  /** Whether summaries analyse it on the log scale too. */
  public boolean analysedOnLogScale() {
    return Boolean.TRUE.equals(logScale);
  }

  /** Whether a result of the analyte may be of this specimen. */
  public boolean allows(Specimen given) {
    return specimens == null ? given == specimen : specimens.contains(given);
  }

  /** The same analyte with these allowed specimens. */
  public Analyte withSpecimens(List<Specimen> allowed) {
    return new Analyte(
        code,
        name,
        layer,
        specimen,
        allowed,
        unit,
        loinc,
        ncbiTaxonId,
        molarMass,
        plausibleLow,
        plausibleHigh,
        derived,
        logScale,
        sdtmTestCode,
        sdtmTestName,
        remissionMax,
        severityScale);
  }

  /** The same analyte under {@code code}. */
  public Analyte withCode(String code) {
    return new Analyte(
        code,
        name,
        layer,
        specimen,
        specimens,
        unit,
        loinc,
        ncbiTaxonId,
        molarMass,
        plausibleLow,
        plausibleHigh,
        derived,
        logScale,
        sdtmTestCode,
        sdtmTestName,
        remissionMax,
        severityScale);
  }

  /** The same analyte with these SDTM test code and name. */
  public Analyte withSdtmTest(String testCode, String testName) {
    return new Analyte(
        code,
        name,
        layer,
        specimen,
        specimens,
        unit,
        loinc,
        ncbiTaxonId,
        molarMass,
        plausibleLow,
        plausibleHigh,
        derived,
        logScale,
        testCode,
        testName,
        remissionMax,
        severityScale);
  }
}
