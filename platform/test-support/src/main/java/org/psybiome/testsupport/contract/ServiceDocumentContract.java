package org.psybiome.testsupport.contract;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.specification.FilterableRequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes every REST Assured response in a service's tests answer to the service's own API document
 * ({@code /q/openapi}, fetched once per address from the service under test). Registered for every
 * test class by JUnit's extension auto-detection, which a service turns on in its {@code
 * junit-platform.properties}.
 */
public final class ServiceDocumentContract implements BeforeAllCallback {

  private static final Map<String, ResponseContract> BY_ADDRESS = new ConcurrentHashMap<>();
  private static final Filter FILTER =
      new ResponseContractFilter(ServiceDocumentContract::contractOf);

  @Override
  public void beforeAll(ExtensionContext context) {
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
