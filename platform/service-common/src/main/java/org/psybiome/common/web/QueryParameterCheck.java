package org.psybiome.common.web;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.psybiome.common.problem.ProblemException;
import org.psybiome.common.problem.Violation;

/**
 * Refuses a query parameter the operation does not take, and a single-valued one given more than
 * once, with a 400 problem. Left alone, JAX-RS ignores the first and takes one of the repeated
 * values: a misspelt filter ({@code ?satus=RECRUITING}) would silently answer with every trial.
 */
public class QueryParameterCheck {

  /** Per resource method: its query parameters, and whether each takes several values. */
  private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

  @ServerRequestFilter
  public void check(ContainerRequestContext request, ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method == null) {
      return;
    }
    Map<String, Boolean> takes = declared.computeIfAbsent(method, QueryParameterCheck::queryParams);
    List<Violation> violations = new ArrayList<>();
    request
        .getUriInfo()
        .getQueryParameters()
        .forEach(
            (name, values) -> {
              Boolean many = takes.get(name);
              if (many == null) {
                violations.add(
                    Violation.of(
                        name,
                        takes.isEmpty()
                            ? "is not a parameter of this operation, which takes none"
                            : "is not a parameter of this operation; it takes "
                                + String.join(", ", takes.keySet())));
              } else if (!many && values.size() > 1) {
                violations.add(
                    Violation.of(name, "is given " + values.size() + " times; it takes one value"));
              }
            });
    if (!violations.isEmpty()) {
      throw ProblemException.invalid("Unknown or repeated query parameters", violations);
    }
  }

  private static Map<String, Boolean> queryParams(Method method) {
    Map<String, Boolean> params = new TreeMap<>();
    for (Parameter parameter : method.getParameters()) {
      QueryParam query = parameter.getAnnotation(QueryParam.class);
      if (query != null) {
        params.put(query.value(), Collection.class.isAssignableFrom(parameter.getType()));
      }
    }
    return params;
  }
}
