package org.psybiome.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with a request: where ({@code field}, a JSON-pointer-like path, or a row number
 * for bulk input) and why. The rejected value is never echoed back, it may be personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Violation")
public record Violation(
    @Schema(example = "secondaryIds[0].value") String field,
    @Schema(example = "must match NCT followed by 8 digits") String message,
    @Schema(description = "1-based row number, for bulk input") Integer row) {

  public static Violation of(String field, String message) {
    return new Violation(field, message, null);
  }

  public static Violation atRow(int row, String field, String message) {
    return new Violation(field, message, row);
  }
}
