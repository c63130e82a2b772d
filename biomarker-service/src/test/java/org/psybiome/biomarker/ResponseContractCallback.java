package org.psybiome.biomarker;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import org.psybiome.testsupport.contract.ServiceDocumentContract;

/**
 * Puts the response contract on the REST Assured that {@code @QuarkusTest} classes use. Quarkus
 * runs them in its own class loader, with a RestAssured of its own: the filter that the JUnit
 * extension registers by auto-detection never reaches it, so without this no response of these
 * tests would be checked against the document.
 */
public class ResponseContractCallback implements QuarkusTestBeforeClassCallback {

  @Override
  public void beforeClass(Class<?> testClass) {
    new ServiceDocumentContract().beforeAll(null);
  }
}
