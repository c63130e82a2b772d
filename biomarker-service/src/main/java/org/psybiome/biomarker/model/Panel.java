package org.psybiome.biomarker.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A named group of analytes that a trial's schedule pre-registers at a visit. */
@Schema(
    name = "Panel",
    requiredProperties = {"code", "name", "analytes"})
public record Panel(
    @Pattern(regexp = Codes.PATTERN, message = Codes.MESSAGE)
        @Schema(
            description = "the panel's code; in a PUT the path's code (the body may leave it out)",
            example = "INFLAMMATION")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotEmpty
        @Schema(
            description =
                "analyte codes of the catalogue, each once, in the panel's order; more than 500"
                    + " is a 413",
            maxItems = MAX_ANALYTES)
        List<@NotBlank String> analytes) {

  /** The most analytes a panel lists; more is refused whole (413), as a batch of too many rows. */
  public static final int MAX_ANALYTES = 500;

  public Panel withCode(String code) {
    return new Panel(code, name, analytes);
  }
}
