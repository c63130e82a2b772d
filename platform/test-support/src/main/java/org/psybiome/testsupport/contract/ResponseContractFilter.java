package org.psybiome.testsupport.contract;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.net.URI;
import java.util.List;
import java.util.function.Function;

/**
 * A REST Assured filter failing the test whose request got a response that breaks the API document
 * (see {@link ResponseContract}). The response is handed on unchanged.
 */
public final class ResponseContractFilter implements Filter {

  private final Function<FilterableRequestSpecification, ResponseContract> contract;

  /** Every response is checked against {@code contract}. */
  public ResponseContractFilter(ResponseContract contract) {
    this(request -> contract);
  }

  /** Each response is checked against the contract of the service the request went to. */
  public ResponseContractFilter(
      Function<FilterableRequestSpecification, ResponseContract> contract) {
    this.contract = contract;
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(request, responseSpec);
    String path = URI.create(request.getURI()).getRawPath();
    boolean streamed = "text/event-stream".equals(response.getContentType());
    List<String> problems =
        contract
            .apply(request)
            .check(
                request.getMethod(),
                path,
                response.getStatusCode(),
                blankToNull(response.getContentType()),
                response::getHeader,
                streamed ? null : response.asString());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "The response breaks the API document:\n  " + String.join("\n  ", problems));
    }
    return response;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
