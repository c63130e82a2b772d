package org.psybiome.testsupport.contract;

import io.quarkus.runtime.StartupEvent;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.specification.FilterableRequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes every REST Assured response in a {@code @QuarkusTest} answer to the API document of the
 * application under test ({@code /q/openapi}, fetched once per address). A bean of the test
 * application: it installs the check when the application starts, in the class loader that the
 * tests' REST Assured lives in (a JUnit extension or a Quarkus test callback from this jar sees
 * another one). An application without a document (no OpenAPI extension: 404) has nothing to answer
 * to.
 */
@ApplicationScoped
public class ServiceDocumentContract {

  private static final Map<String, ResponseContract> BY_ADDRESS = new ConcurrentHashMap<>();
  private static final Filter FILTER =
      new ResponseContractFilter(ServiceDocumentContract::contractOf);

  void install(@Observes StartupEvent started) {
    synchronized (RestAssured.class) {
      if (!RestAssured.filters().contains(FILTER)) {
        RestAssured.filters(FILTER);
      }
    }
  }

  private static ResponseContract contractOf(FilterableRequestSpecification request) {
    URI uri = URI.create(request.getURI());
    String address = uri.getScheme() + "://" + uri.getAuthority();
    return BY_ADDRESS.computeIfAbsent(address, ServiceDocumentContract::fetch);
  }

  private static ResponseContract fetch(String address) {
    try {
      HttpResponse<String> document =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(address + "/q/openapi?format=json")).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (document.statusCode() == 404) {
        return ResponseContract.NONE;
      }
      if (document.statusCode() != 200) {
        throw new IllegalStateException(
            "no API document at " + address + "/q/openapi: " + document.statusCode());
      }
      return ResponseContract.of(document.body());
    } catch (IOException e) {
      throw new IllegalStateException("cannot fetch the API document of " + address, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
