package org.psybiome.common.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes every operation of a service's OpenAPI document with what the service's shared layers
 * do to every request, so that no resource has to repeat it and none can forget it: the problem
 * responses those layers send (see {@link StandardProblems}), the correlation id read and sent on
 * every exchange, and an explicit security requirement, optional for public reads. Runs at build
 * time, after the annotations are read; a response an operation declares itself is kept as
 * declared, only given the problem body and headers it lacks.
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 10)
public class StandardResponsesFilter implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    ApiHeaders.addTo(components);
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      for (Operation operation : path.getValue().getOperations().values()) {
        complete(path.getKey(), operation);
      }
    }
  }

  private static void complete(String path, Operation operation) {
    // Public: no requirement, or an empty one among the alternatives (a token is optional).
    boolean isPublic =
        operation.getSecurity() == null
            || operation.getSecurity().isEmpty()
            || operation.getSecurity().stream()
                .anyMatch(r -> r.getSchemes() == null || r.getSchemes().isEmpty());
    if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
      // Anyone may call it; a token, when sent, is checked and may show the caller more.
      operation.setSecurity(
          new ArrayList<>(
              List.of(
                  OASFactory.createSecurityRequirement(),
                  OASFactory.createSecurityRequirement()
                      .addScheme(ApiHeaders.SECURITY_SCHEME, List.of()))));
    }
    addCorrelationIdParameter(operation);

    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    for (StandardProblems.Status status :
        StandardProblems.of(
            new StandardProblems.Shape(
                path.contains("{"),
                hasParameters(operation),
                operation.getRequestBody() != null,
                readsHeader(operation, "If-Match"),
                !isPublic,
                answersWithContent(responses),
                readsHeader(operation, IDEMPOTENCY_KEY)))) {
      String code = String.valueOf(status.code());
      APIResponse declared = responses.getAPIResponse(code);
      if (declared == null) {
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(status.why()));
      } else if (isIdempotencyProblem(status)
          && declared.getDescription() != null
          && !declared.getDescription().contains(IDEMPOTENCY_KEY)) {
        // declared by the resource for its own reasons; the key's reason is added
        declared.setDescription(declared.getDescription() + "; or: " + status.why());
      }
    }
    for (Map.Entry<String, APIResponse> entry : sorted(responses).entrySet()) {
      int code = Integer.parseInt(entry.getKey());
      ApiHeaders.completeResponse(code, entry.getValue());
    }
    responses.setAPIResponses(sorted(responses));
  }

  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static boolean isIdempotencyProblem(StandardProblems.Status status) {
    return status.why().equals(StandardProblems.IDEMPOTENCY_IN_FLIGHT)
        || status.why().equals(StandardProblems.IDEMPOTENCY_REUSED);
  }

  private static void addCorrelationIdParameter(Operation operation) {
    List<Parameter> parameters =
        operation.getParameters() == null
            ? new ArrayList<>()
            : new ArrayList<>(operation.getParameters());
    boolean present =
        parameters.stream()
            .anyMatch(
                p ->
                    ApiHeaders.CORRELATION_ID_PARAMETER_REF.equals(p.getRef())
                        || ApiHeaders.CORRELATION_ID.equalsIgnoreCase(p.getName()));
    if (!present) {
      parameters.add(OASFactory.createParameter().ref(ApiHeaders.CORRELATION_ID_PARAMETER_REF));
      operation.setParameters(parameters);
    }
  }

  private static boolean hasParameters(Operation operation) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.PATH);
  }

  private static boolean readsHeader(Operation operation, String name) {
    return operation.getParameters() != null
        && operation.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  private static boolean answersWithContent(APIResponses responses) {
    if (responses.getAPIResponses() == null) {
      return true;
    }
    return responses.getAPIResponses().entrySet().stream()
        .filter(e -> e.getKey().startsWith("2"))
        .anyMatch(e -> e.getValue().getContent() != null || e.getValue().getRef() != null);
  }

  private static Map<String, APIResponse> sorted(APIResponses responses) {
    Map<String, APIResponse> sorted = new LinkedHashMap<>();
    responses.getAPIResponses().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }
}
