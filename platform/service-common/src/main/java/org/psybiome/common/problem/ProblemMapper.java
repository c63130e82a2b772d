package org.psybiome.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 responses in every service. Client mistakes get a
 * 4xx with what to fix; a database outage a 503 to retry; anything else is a 500 that names nothing
 * internal and is logged.
 */
public class ProblemMapper {

  private static final Map<String, String> BEARER_CHALLENGE =
      Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer");

  @ServerExceptionMapper
  public Response problem(ProblemException e, UriInfo uri) {
    return ProblemResponses.response(
        e.type(), e.getMessage(), path(uri), e.violations(), e.headers());
  }

  @ServerExceptionMapper
  public Response violations(ResteasyReactiveViolationException e, UriInfo uri) {
    return constraintViolations(e, uri);
  }

  @ServerExceptionMapper
  public Response constraintViolations(ConstraintViolationException e, UriInfo uri) {
    if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
      return unexpected(e, uri);
    }
    List<Violation> violations =
        e.getConstraintViolations().stream()
            .map(v -> Violation.of(fieldOf(v.getPropertyPath()), v.getMessage()))
            .sorted(Comparator.comparing(Violation::field))
            .toList();
    return ProblemResponses.response(
        ProblemType.VALIDATION,
        violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid",
        path(uri),
        violations,
        Map.of());
  }

  @ServerExceptionMapper
  public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
    return unreadable(e, uri);
  }

  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return ProblemResponses.response(
        ProblemType.UNAUTHENTICATED,
        "A valid bearer token is required",
        path(uri),
        List.of(),
        BEARER_CHALLENGE);
  }

  @ServerExceptionMapper
  public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
    return ProblemResponses.response(
        ProblemType.UNAUTHENTICATED,
        "The bearer token is invalid or expired",
        path(uri),
        List.of(),
        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\""));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    return ProblemResponses.response(
        ProblemType.FORBIDDEN,
        "The caller's role does not allow this operation",
        path(uri),
        List.of(),
        Map.of());
  }

  @ServerExceptionMapper
  public Response webApplication(WebApplicationException e, UriInfo uri) {
    ProblemException wrapped = wrappedProblem(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadable(json, uri);
    }
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    if (e instanceof NotFoundException && e.getCause() != null) {
      // JAX-RS answers a query or path parameter that does not convert (pageSize=abc) with 404, as
      // if there were no such resource; it is a malformed request.
      return ProblemResponses.response(
          ProblemType.VALIDATION,
          "A query or path parameter is not of its type (a number, a date, a boolean or one of the"
              + " values the API document lists)",
          path(uri),
          List.of(),
          Map.of());
    }
    ProblemType type = ProblemType.forStatus(status);
    return ProblemResponses.response(type, detailFor(type), path(uri), List.of(), Map.of());
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    ProblemException wrapped = wrappedProblem(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    if (DatabaseOutage.causedBy(e)) {
      // Not a bug and not the client's fault: the database is restarting or unreachable.
      Log.warnf("Database unavailable on %s: %s", path(uri), e.getMessage());
      return ProblemResponses.response(
          ProblemType.SERVICE_UNAVAILABLE,
          "The service's database is unavailable; retry shortly",
          path(uri),
          List.of(),
          Map.of(HttpHeaders.RETRY_AFTER, "5"));
    }
    Log.errorf(e, "Unexpected error on %s", path(uri));
    return ProblemResponses.response(
        ProblemType.INTERNAL,
        "The request could not be completed; it has been logged",
        path(uri),
        List.of(),
        Map.of());
  }

  private Response unreadable(JsonProcessingException e, UriInfo uri) {
    ProblemException wrapped = wrappedProblem(e);
    if (wrapped != null) {
      return problem(wrapped, uri);
    }
    Violation violation = JsonProblems.violation(e);
    return ProblemResponses.response(
        ProblemType.MALFORMED_BODY,
        violation.field() == null || violation.field().isEmpty()
            ? "The body " + violation.message()
            : "Field '" + violation.field() + "' " + violation.message(),
        path(uri),
        List.of(violation),
        Map.of());
  }

  /**
   * A rule broken while a body was being read (e.g. not UTF-8) surfaces wrapped by Jackson or the
   * REST layer; it is still the client's problem, with its own detail.
   */
  private static ProblemException wrappedProblem(Throwable e) {
    for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof ProblemException problem) {
        return problem;
      }
    }
    return null;
  }

  private static String detailFor(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "No resource at this path";
      case METHOD_NOT_ALLOWED -> "This method is not supported here";
      case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here";
      case NOT_ACCEPTABLE -> "None of the accepted media types can be produced";
      default -> type.title();
    };
  }

  private static boolean isReturnValue(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the method name the validator puts in front of the field path, and the parameter name
   * when the violation is inside a body object (a query parameter keeps its name).
   */
  static String fieldOf(Path path) {
    List<String> parts = new ArrayList<>();
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    for (int i = 0; i < nodes.size(); i++) {
      Path.Node node = nodes.get(i);
      if (node.getKind() == ElementKind.METHOD
          || (node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1)) {
        continue;
      }
      String name = node.getName() == null ? "" : node.getName();
      if (node.getIndex() != null) {
        // the index belongs to the container, which is the previous part
        if (!parts.isEmpty()) {
          parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
        }
      } else if (node.getKey() != null && !parts.isEmpty()) {
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getKey() + "]");
      }
      if (!name.isEmpty() && !name.startsWith("<")) {
        parts.add(name);
      }
    }
    return parts.stream().collect(Collectors.joining("."));
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
