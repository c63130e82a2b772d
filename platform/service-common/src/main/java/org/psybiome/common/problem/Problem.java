package org.psybiome.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. Every error a Psybiome service returns has this shape, and none
 * carries a stack trace or a class name.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details",
    requiredProperties = {"type", "title", "status"})
public record Problem(
    @Schema(
            description = "URI identifying the problem type",
            example = "https://psybiome.org/problems/validation")
        URI type,
    @Schema(example = "Request body is invalid") String title,
    @Schema(example = "400") int status,
    @Schema(example = "2 fields are invalid") String detail,
    @Schema(
            type = SchemaType.STRING,
            format = "uri-reference",
            description = "The request path this problem occurred on",
            example = "/api/v1/trials")
        URI instance,
    @Schema(description = "Field-level violations, when the problem is about the request content")
        List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }
}
