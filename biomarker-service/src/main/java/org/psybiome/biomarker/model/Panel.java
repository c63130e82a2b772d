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
        @Size(max = 500)
        @Schema(description = "analyte codes of the catalogue, each once, in the panel's order")
        List<@NotBlank String> analytes) {

  public Panel withCode(String code) {
    return new Panel(code, name, analytes);
  }
}
